import type { ReactNode } from 'react';

/**
 * A labelled form field with the server's complaint about it underneath. The control is passed
 * in and must carry `id={id}` and, when there is an error, `aria-describedby={`${id}-error`}`.
 */
export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string | undefined; hint?: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <span className="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
          {error}
        </span>
      ) : (
        hint && <span className="field-hint muted">{hint}</span>
      )}
    </div>
  );
}

/** Props that tie a control to its Field's error. */
export function describedBy(id: string, error: string | undefined): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
}
