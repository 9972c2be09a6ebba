import { useRef, useState, type ReactNode } from 'react';
import { copyText } from './copy.js';

/**
 * A password, token or link the server will never show again: in a marked box, with a copy
 * button, until the administrator says it is saved.
 */
export function ShownOnce({ title, value, children, onDismiss }: { title: string; value: string; children?: ReactNode; onDismiss: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => setCopied((await copyText(value, field.current)) ? 'yes' : 'no');
  return (
    <section className="shown-once" data-testid="shown-once" aria-label={title}>
      <h3 className="shown-once-title">
        <span className="shown-once-tag">Shown once</span> {title}
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
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copied === 'no' && <p className="field-error">Could not copy: the text is selected, press Ctrl+C.</p>}
      <p className="shown-once-note">The server keeps only a hash: once this box is closed, nobody can show it again.</p>
      {children}
      <button type="button" className="button" data-testid="shown-once-dismiss" onClick={onDismiss}>
        I have saved it — close
      </button>
    </section>
  );
}
