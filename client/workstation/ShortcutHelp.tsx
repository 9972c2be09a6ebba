import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { SHORTCUT_ACTION_FR, workstationMessages } from './messages.js';
import { useEffect, useMemo, useRef } from 'react';
import { useOpsStore } from '../state/context.js';
import { shortcutsOnScreen } from './shortcuts.js';
import { updateWorkstation } from './state.js';

/** The controls on screen that announce a key, as `aria-keyshortcuts` and their title. */
function controlsOnScreen(): { keys: string; title: string }[] {
  return Array.from(document.querySelectorAll('[aria-keyshortcuts]')).map((element) => ({
    keys: element.getAttribute('aria-keyshortcuts') ?? '',
    title: element.getAttribute('title') ?? element.textContent ?? '',
  }));
}

/** Every key this desk answers to, over the map; Esc, ? or a click outside closes it. */
export function ShortcutHelp() {
  const lang = useLang();
  const t = useMessages(workstationMessages);
  const store = useOpsStore();
  const dialog = useRef<HTMLDivElement>(null);
  // Read once when opened: the header's controls are all there by then.
  const shortcuts = useMemo(() => shortcutsOnScreen(controlsOnScreen()), []);
  const close = () => updateWorkstation(store, { helpOpen: false });

  useEffect(() => {
    const before = document.activeElement;
    dialog.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  return (
    <div className="shortcut-help-backdrop" onClick={close} data-testid="shortcut-help-backdrop">
      <div
        ref={dialog}
        className="shortcut-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-help-title"
        tabIndex={-1}
        data-testid="shortcut-help"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="shortcut-help-title">{t.keyboardShortcuts}</h2>
        <button type="button" className="panel-close" onClick={close} aria-label={t.closeKeys} title={t.closeEsc}>
          ×
        </button>
        <p className="muted shortcut-help-note">{t.keysNote}</p>
        <table className="shortcut-help-table">
          <tbody>
            {shortcuts.map((s) => (
              <tr key={s.key} data-testid="shortcut-help-row" data-key={s.key}>
                <th scope="row">
                  <kbd>{s.key}</kbd>
                </th>
                <td>{lang === 'fr' && !s.fromTitle ? (SHORTCUT_ACTION_FR[s.key] ?? s.action) : s.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
