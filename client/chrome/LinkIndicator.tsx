import { useOps } from '../state/context.js';
import { useLang } from '../i18n/lang.js';
import { linkText } from './linkText.js';

/** The feed's link state, honest and always visible: live, reconnecting, or offline since when. */
export function LinkIndicator() {
  const link = useOps((s) => s.link);
  const offset = useOps((s) => s.clockOffsetMs);
  const lang = useLang();
  const text = linkText(link, offset, lang);
  return (
    <div className={`link link-${link.state}`} data-testid="link-state" data-state={link.state} role="status" aria-live="polite">
      <span className="link-dot" aria-hidden="true" />
      <span className="link-text">
        <span className="link-headline">{text.headline}</span>
        <span className="link-detail">{text.detail}</span>
      </span>
    </div>
  );
}
