import { LANGUAGES, LANGUAGE_NAME, useLang, useLangStore } from './lang.js';
import { defineMessages, useMessages } from './messages.js';

const switchMessages = defineMessages({ en: { language: 'Language' }, fr: { language: 'Langue' } });

/**
 * English / Français, each named in its own language; the choice is kept in this browser.
 * `compact` (the desk header, where every pixel counts) shows one button naming the other
 * language ("FR" on an English screen); the current language's button is kept, hidden and
 * pressed, so the choice can still be read from the page.
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const lang = useLang();
  const setLang = useLangStore((s) => s.setLang);
  const t = useMessages(switchMessages);
  return (
    <div className={compact ? 'language-toggle' : 'language-switch'} role="group" aria-label={t.language} data-testid="language-switch">
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          className={compact ? 'button language-toggle-button' : 'button toggle-button'}
          lang={l}
          hidden={compact && l === lang}
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
