import { PRODUCT_NAME } from '../chrome/Header.js';
import { useOps } from '../state/context.js';
import './login.css';

/** While the browser asks the server who it is; says so plainly if the server cannot be reached. */
export function CheckingPage() {
  const problem = useOps((s) => (s.session.status === 'checking' ? s.session.problem : null));
  return (
    <div className="login-screen" data-testid="session-checking">
      <div className="login-card">
        <div className="login-brand">
          <span className="brand-badge" aria-hidden="true">
            UN
          </span>
          <h1 className="login-title">{PRODUCT_NAME}</h1>
        </div>
        <p role="status">{problem ? 'Cannot reach the server — trying again…' : 'Connecting to the server…'}</p>
        {problem && <p className="muted login-footnote">{problem}</p>}
      </div>
    </div>
  );
}
