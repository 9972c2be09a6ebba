import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { jubaDate, jubaHoursMinutes } from '../format/time.js';
import type { LinkState } from '../state/store.js';
import { currentLang, type Lang } from '../i18n/lang.js';
import { offlineText } from './text.js';
import type { WorkerMessage } from './messages.js';
import { MAP_DATA_PATHS, type OfflineCopyPath } from './protocol.js';

export interface AnswerSource {
  source: 'network' | 'offline-copy';
  /** when the answer was fetched from the server (client clock, epoch ms) */
  savedAt: number;
}

/** Where each answer this page is using came from, as the offline worker reported it. */
export interface OfflineCopyState {
  answers: Partial<Record<OfflineCopyPath, AnswerSource>>;
}

export type OfflineCopyStore = StoreApi<OfflineCopyState>;

export function createOfflineCopyStore(): OfflineCopyStore {
  return createStore<OfflineCopyState>()(() => ({ answers: {} }));
}

/** The page's one record of what it was served; the notice reads it. */
export const offlineCopy = createOfflineCopyStore();

export function useOfflineCopy<T>(selector: (state: OfflineCopyState) => T): T {
  return useStore(offlineCopy, selector);
}

export function applyWorkerMessage(state: OfflineCopyState, message: WorkerMessage): OfflineCopyState {
  if (message.type === 'offline-copy-forgotten') return { answers: {} };
  return { answers: { ...state.answers, [message.path]: { source: message.source, savedAt: message.savedAt } } };
}

/**
 * How old the map on screen is, when any of its data came from the offline copy rather than
 * the network: the time the mission pack was fetched (the base map does not change), or the
 * oldest answer when the pack's time is not known. Null when the map is drawn from live answers.
 */
export function mapDataStaleSince(state: OfflineCopyState): number | null {
  const answers = MAP_DATA_PATHS.map((path) => state.answers[path]).filter((a): a is AnswerSource => a !== undefined);
  if (!answers.some((a) => a.source === 'offline-copy')) return null;
  const sites = state.answers['/api/sites'];
  if (sites) return sites.savedAt;
  return Math.min(...answers.map((a) => a.savedAt));
}

export interface StaleNoticeText {
  /** a word or two read from across the room */
  headline: string;
  detail: string;
}

/**
 * What the notice says while the map is drawn from the offline copy. Patrol positions are
 * never kept, so none are shown until the live feed is back; the date is added when the copy
 * is from another day (Juba time). In the language chosen on this screen.
 */
export function staleNoticeText(staleSince: number | null, link: LinkState, now: number, lang: Lang = currentLang()): StaleNoticeText | null {
  if (staleSince === null) return null;
  const t = offlineText[lang];
  const sameDay = jubaDate(staleSince, lang) === jubaDate(now, lang);
  const asOf = t.asOf(sameDay ? null : jubaDate(staleSince, lang), jubaHoursMinutes(staleSince));
  if (link === 'connected') return { headline: t.updatingHeadline, detail: t.updatingDetail(asOf) };
  return { headline: t.offlineHeadline, detail: t.offlineDetail(asOf) };
}
