import { useRef, useState, type FormEvent } from 'react';
import { PRODUCT_NAME } from '../chrome/Header.js';
import { ReplyError } from '../http/errors.js';
import { useOps } from '../state/context.js';
import { useSession } from './context.js';
import { loginErrorText } from './loginMessage.js';
import './login.css';

/** Shown whenever nobody is signed in: at first, after signing out, and when a session ends. */
export function LoginPage({ wall }: { wall: boolean }) {
  const session = useSession();
  const reason = useOps((s) => (s.session.status === 'signed-out' ? s.session.reason : null));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const passwordInput = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    if (username.trim() === '' || password === '') {
      setError('Enter your username and password.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      // On success the session changes and this page goes away.
      await session.signIn({ username: username.trim(), password });
    } catch (err) {
      setPending(false);
      setError(loginErrorText(err));
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
            {PRODUCT_NAME}
          </h1>
        </div>
        {reason && (
          <p className="login-reason" role="status" data-testid="login-reason">
            {reason}
          </p>
        )}
        {wall && !reason && <p className="login-reason">This wall display is not signed in. Open its wall link again, or sign in.</p>}
        <label className="login-label" htmlFor="login-username">
          Username
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
          Password
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
        <div className="login-error" role="alert" data-testid="login-error" hidden={!error}>
          {error}
        </div>
        <button type="submit" className="button button-primary login-submit" data-testid="login-submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="login-footnote muted">For authorised UNMISS personnel. Every sign-in is recorded.</p>
      </form>
    </div>
  );
}
