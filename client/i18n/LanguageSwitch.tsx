import { LANGUAGES, LANGUAGE_NAME, useLang, useLangStore } from './lang.js';

/** English / Français, each named in its own language; the choice is kept in this browser. */
export function LanguageSwitch() {
  const lang = useLang();
  const setLang = useLangStore((s) => s.setLang);
  return (
    <div className="language-switch" role="group" aria-label={lang === 'fr' ? 'Langue' : 'Language'} data-testid="language-switch">
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          className="button toggle-button"
          lang={l}
          aria-pressed={l === lang}
          data-testid={`lang-${l}`}
          title={LANGUAGE_NAME[l]}
          onClick={() => setLang(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
