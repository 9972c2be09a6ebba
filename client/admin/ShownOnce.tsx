import { useRef, useState, type ReactNode } from 'react';
import { useMessages } from '../i18n/messages.js';
import { copyText } from './copy.js';
import { adminMessages } from './messages.js';

/**
 * A password, token or link the server will never show again: in a marked box, with a copy
 * button, until the administrator says it is saved.
 */
export function ShownOnce({ title, value, children, onDismiss }: { title: string; value: string; children?: ReactNode; onDismiss: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const t = useMessages(adminMessages);
  const copy = async () => setCopied((await copyText(value, field.current)) ? 'yes' : 'no');
  return (
    <section className="shown-once" data-testid="shown-once" aria-label={title}>
      <h3 className="shown-once-title">
        <span className="shown-once-tag">{t.shownOnce}</span> {title}
      </h3>
      <div className="shown-once-row">
        <input
          ref={field}
          className="shown-once-value mono"
          data-testid="shown-once-value"
          readOnly
          value={value}
          aria-label={title}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button button-primary" data-testid="shown-once-copy" onClick={() => void copy()}>
          {copied === 'yes' ? t.copied : t.copy}
        </button>
      </div>
      {copied === 'no' && <p className="field-error">{t.copyFailed}</p>}
      <p className="shown-once-note">{t.hashOnly}</p>
      {children}
      <button type="button" className="button" data-testid="shown-once-dismiss" onClick={onDismiss}>
        {t.savedClose}
      </button>
    </section>
  );
}
