import { jubaHoursMinutes } from '../format/time.js';
import type { Lang } from '../i18n/lang.js';
import { replayMessages } from './messages.js';
import type { ReplayView } from './view.js';

/**
 * What the replay bar says beside its controls: a problem first, then a note, then that the
 * picture is loading; null when there is nothing to say. The server's own refusal is shown as sent.
 * @example replayStatusText({ problem: null, note: { kind: 'caught-up' }, loading: false }, 'en') // 'Replay has caught up with the present: …'
 */
export function replayStatusText(replay: Pick<ReplayView, 'problem' | 'note' | 'loading'>, lang: Lang): string | null {
  const t = replayMessages[lang];
  const { problem, note } = replay;
  if (problem) return problem.kind === 'refused' ? problem.detail : t.retrying(problem.detail);
  if (note) return note.kind === 'caught-up' ? t.caughtUp : t.clamped(note.hours, jubaHoursMinutes(note.asked), jubaHoursMinutes(note.starts));
  return replay.loading ? t.loading : null;
}
