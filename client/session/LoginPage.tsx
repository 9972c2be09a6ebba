import { useRef, useState, type FormEvent } from 'react';
import { chromeMessages } from '../chrome/messages.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { useMessages } from '../i18n/messages.js';
import type { SignedOutReason } from '../state/session.js';
import { sessionMessages } from './messages.js';
import { ReplyError } from '../http/errors.js';
import { useOps } from '../state/context.js';
import { useSession } from './context.js';
import { loginErrorText } from './loginMessage.js';
import './login.css';

/** Shown whenever nobody is signed in: at first, after signing out, and when a session ends. */
export function LoginPage({ wall }: { wall: boolean }) {
  const t = useMessages(sessionMessages);
  const chrome = useMessages(chromeMessages);
  const session = useSession();
  const reason = useOps((s) => (s.session.status === 'signed-out' ? s.session.reason : null));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // Kept as the failure itself, so its words follow a change of language.
  const [error, setError] = useState<{ failure: unknown; at: number } | 'empty' | null>(null);
  const reasonText: Record<SignedOutReason, string> = { 'signed-out': t.signedOut, ended: t.ended, 'wall-ended': t.wallEnded };
  const errorText = error === null ? null : error === 'empty' ? t.enterBoth : loginErrorText(error.failure, error.at);
  const [pending, setPending] = useState(false);
  const passwordInput = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    if (username.trim() === '' || password === '') {
      setError('empty');
      return;
    }
    setPending(true);
    setError(null);
    try {
      // On success the session changes and this page goes away.
      await session.signIn({ username: username.trim(), password });
    } catch (err) {
      setPending(false);
      setError({ failure: err, at: Date.now() });
      if (err instanceof ReplyError && err.code === 'unauthenticated') {
        setPassword('');
        passwordInput.current?.focus();
      }
    }
  };

  return (
    <div className="login-screen">
      <form className="login-card" onSubmit={submit} data-testid="login-form" aria-labelledby="login-title" noValidate>
        <div className="login-brand">
          <span className="brand-badge" aria-hidden="true">
            UN
          </span>
          <h1 id="login-title" className="login-title">
            {chrome.productName}
          </h1>
        </div>
        <LanguageSwitch />
        {reason && (
          <p className="login-reason" role="status" data-testid="login-reason">
            {reasonText[reason]}
          </p>
        )}
        {wall && !reason && <p className="login-reason">{t.wallNotSignedIn}</p>}
        <label className="login-label" htmlFor="login-username">
          {t.username}
        </label>
        <input
          id="login-username"
          className="login-input"
          data-testid="login-username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label className="login-label" htmlFor="login-password">
          {t.password}
        </label>
        <input
          id="login-password"
          ref={passwordInput}
          className="login-input"
          data-testid="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className="login-error" role="alert" data-testid="login-error" hidden={!errorText}>
          {errorText}
        </div>
        <button type="submit" className="button button-primary login-submit" data-testid="login-submit" disabled={pending}>
          {pending ? t.signingIn : t.signIn}
        </button>
        <p className="login-footnote muted">{t.footnote}</p>
      </form>
    </div>
  );
}
