import { chromeMessages } from '../chrome/messages.js';
import { useMessages } from '../i18n/messages.js';
import { sessionMessages } from './messages.js';
import { useOps } from '../state/context.js';
import './login.css';

/** While the browser asks the server who it is; says so plainly if the server cannot be reached. */
export function CheckingPage() {
  const t = useMessages(sessionMessages);
  const chrome = useMessages(chromeMessages);
  const problem = useOps((s) => (s.session.status === 'checking' ? s.session.problem : null));
  return (
    <div className="login-screen" data-testid="session-checking">
      <div className="login-card">
        <div className="login-brand">
          <span className="brand-badge" aria-hidden="true">
            UN
          </span>
          <h1 className="login-title">{chrome.productName}</h1>
        </div>
        <p role="status">{problem ? t.cannotReach : t.connecting}</p>
        {problem && <p className="muted login-footnote">{problem}</p>}
      </div>
    </div>
  );
}
