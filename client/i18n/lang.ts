import { create } from 'zustand';

/**
 * The languages of the dashboard: English and French, the two working languages of the UN
 * Secretariat, and the two in which UNPOL's contributing countries' officers are most often fluent.
 */
export const LANGUAGES = ['en', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** What each language is called in itself, for the switch. */
export const LANGUAGE_NAME: Record<Lang, string> = { en: 'English', fr: 'Français' };

const STORAGE_KEY = 'unpol.lang';

export const isLang = (value: unknown): value is Lang => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/**
 * The language a page opens in: `?lang=` in its address first (a wall display's link carries it,
 * since nobody touches the wall), then the last choice made in this browser, then the browser's
 * own language, then English.
 */
export function initialLang(): Lang {
  if (typeof window === 'undefined') return 'en';
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // Storage refused (private window, policy): the choice lasts for this page only.
  }
  const preferred = (window.navigator.languages ?? [window.navigator.language]).map((l) => l.slice(0, 2).toLowerCase());
  return preferred.find(isLang) ?? 'en';
}

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

function applyToDocument(lang: Lang): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export const useLangStore = create<LangState>((set) => ({
  lang: initialLang(),
  setLang: (lang) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // see initialLang
    }
    applyToDocument(lang);
    set({ lang });
  },
}));
applyToDocument(useLangStore.getState().lang);

/** The current language, re-rendering the component when it changes. */
export const useLang = (): Lang => useLangStore((s) => s.lang);

/** The current language outside React (map labels, exports, formatters). */
export const currentLang = (): Lang => useLangStore.getState().lang;

/** BCP 47 locale for Intl formatters (numbers, dates) in each language. */
export const LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };
