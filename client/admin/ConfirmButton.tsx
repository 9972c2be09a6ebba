import { useState } from 'react';
import { useMessages } from '../i18n/messages.js';
import { adminMessages } from './messages.js';

/**
 * A button for something that cannot be undone: the first press asks, the second does it.
 * No browser dialog, so it works the same on every screen and in browser tests.
 */
export function ConfirmButton({
  label,
  confirm,
  onConfirm,
  testId,
  disabled = false,
}: {
  label: string;
  /** the question, e.g. "Revoke this token?" */
  confirm: string;
  onConfirm: () => void;
  testId: string;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const t = useMessages(adminMessages);
  if (!asking) {
    return (
      <button type="button" className="button button-small" data-testid={testId} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={confirm}>
      <span className="confirm-question">{confirm}</span>
      <button
        type="button"
        className="button button-small button-danger"
        data-testid={`${testId}-confirm`}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t.yes}
      </button>
      <button type="button" className="button button-small" onClick={() => setAsking(false)}>
        {t.no}
      </button>
    </span>
  );
}
