import { LANGUAGES, LANGUAGE_NAME, useLang, useLangStore } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { chromeMessages } from './messages.js';

/**
 * The header's language choice, small enough for a full desk header: one button naming the other
 * language ("FR" on an English screen, "EN" on a French one). The current language's button is
 * kept, hidden and pressed, so the choice can still be read from the page.
 */
export function LanguageToggle() {
  const lang = useLang();
  const setLang = useLangStore((s) => s.setLang);
  const t = useMessages(chromeMessages);
  return (
    <div className="language-toggle" role="group" aria-label={t.language} data-testid="language-switch">
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          className="button language-toggle-button"
          lang={l}
          hidden={l === lang}
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
