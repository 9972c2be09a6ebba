import { useEffect, useId, useRef, useState } from 'react';
import { exportFilename, SnapshotRecorded, type ExportFormat } from '../../shared/export.js';
import { ROLE_LABEL } from '../format/labels.js';
import { toJubaInput } from '../patrols/jubaInput.js';
import { useMe, useSession } from '../session/context.js';
import { useOps, useOpsStore } from '../state/context.js';
import { serverNow } from '../state/store.js';
import { fetchExport, saveBlob } from './download.js';
import { incidentExportUrl, trackExportUrl } from './exportUrl.js';
import { useSnapshotMap } from './mapHandle.js';
import { takeSnapshot } from './snapshot.js';
import { chosenWindow, tracksFit, WINDOW_CHOICES, type WindowChoice } from './windowChoice.js';
import './export.css';

const FORMATS: readonly { format: ExportFormat; label: string; hint: string }[] = [
  { format: 'geojson', label: 'GeoJSON', hint: 'for QGIS and other GIS tools' },
  { format: 'kml', label: 'KML', hint: 'for Google Earth' },
  { format: 'csv', label: 'CSV', hint: 'for Excel' },
];

const SPACINGS = [
  { everyS: 0, label: 'Every fix' },
  { everyS: 60, label: 'One a minute' },
  { everyS: 300, label: 'One every 5 minutes' },
] as const;

type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'done'; text: string; warning?: string } | { kind: 'failed'; text: string };

const count = (n: number | null, one: string, many: string) => (n === null ? '' : ` — ${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`);

/**
 * The header's Export menu: incidents and patrol tracks for the GIS cell (GeoJSON, KML, CSV)
 * over a chosen window, and a PNG snapshot of the map for a morning brief. What leaves is what
 * the person may see: no victims or witnesses ever, need-to-know places coarsened without that
 * permission, and every export recorded in the audit log.
 */
export function ExportMenu() {
  const me = useMe();
  const session = useSession();
  const store = useOpsStore();
  const map = useSnapshotMap();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<WindowChoice>('24h');
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [openOnly, setOpenOnly] = useState(false);
  const [onlySelected, setOnlySelected] = useState(false);
  const [everyS, setEveryS] = useState<number>(60);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const selectedUnit = useOps((s) => (s.selection?.kind === 'unit' ? (s.units.get(s.selection.id) ?? null) : null));
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  // A person exports; a wall display has nobody to name in the audit log.
  if (!me || me.kind !== 'user') return null;

  const now = () => serverNow(store.getState());
  const toggle = () => {
    if (!open && fromText === '') {
      const t = now();
      setFromText(toJubaInput(t - 24 * 3_600_000));
      setToText(toJubaInput(t));
    }
    setOpen(!open);
  };
  const span = chosenWindow(choice, now(), fromText, toText);
  const busy = status.kind === 'busy';
  const tracksAllowed = span.ok && tracksFit(span.window);

  const run = async (what: string, work: () => Promise<Status>) => {
    setStatus({ kind: 'busy', text: `Preparing ${what}…` });
    try {
      setStatus(await work());
    } catch (err) {
      setStatus({ kind: 'failed', text: `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} not exported: ${err instanceof Error ? err.message : String(err)}` });
    }
  };

  const download = (kind: 'incidents' | 'tracks', format: ExportFormat) => {
    const current = chosenWindow(choice, now(), fromText, toText);
    if (!current.ok) {
      setStatus({ kind: 'failed', text: current.message });
      return;
    }
    const url =
      kind === 'incidents'
        ? incidentExportUrl(format, current.window, { openOnly })
        : trackExportUrl(format, current.window, { unitIds: onlySelected && selectedUnit ? [selectedUnit.id] : null, everyS });
    void run(`${kind === 'incidents' ? 'incidents' : 'patrol tracks'} (${format.toUpperCase()})`, async () => {
      const file = await fetchExport(url, exportFilename(kind, format, current.window.to));
      saveBlob(file.blob, file.filename);
      return { kind: 'done', text: `Saved ${file.filename}${kind === 'incidents' ? count(file.rows, 'incident', 'incidents') : count(file.rows, 'fix', 'fixes')}.` };
    });
  };

  const snapshot = () => {
    if (!map) {
      setStatus({ kind: 'failed', text: 'The map has not loaded yet.' });
      return;
    }
    void run('the map snapshot', async () => {
      const state = store.getState();
      // In replay the map shows the past: the picture says which moment, and whose incidents then.
      const replayedAt = state.replay?.shownAt ?? null;
      const shot = await takeSnapshot({
        map,
        situationAt: replayedAt ?? serverNow(state),
        replay: replayedAt !== null,
        preparedBy: `${me.name} · ${ROLE_LABEL[me.role]}`,
        layers: state.layers,
        incidents: replayedAt !== null && state.replay ? state.replay.incidents : state.incidents,
      });
      let warning: string | undefined;
      try {
        await session.send('POST', '/api/export/snapshots', shot.record, SnapshotRecorded);
      } catch (err) {
        // The picture is what is on the screen already; it is saved, and the gap is said.
        warning = `Not recorded in the audit log: ${err instanceof Error ? err.message : String(err)}`;
      }
      saveBlob(shot.png, shot.filename);
      const strict = shot.record.exactSensitive > 0;
      return {
        kind: 'done',
        text: `Saved ${shot.filename} (${shot.width} × ${shot.height}).${strict ? ' It shows need-to-know places exactly: marked STRICTLY CONFIDENTIAL.' : ''}`,
        ...(warning ? { warning } : {}),
      };
    });
  };

  return (
    <div className="export" ref={root}>
      <button
        type="button"
        ref={button}
        className="button toggle-button"
        data-testid="open-export"
        aria-expanded={open}
        aria-controls={panelId}
        aria-pressed={open}
        title="Export incidents and tracks, or a snapshot of the map for a brief"
        onClick={toggle}
      >
        Export
      </button>
      {open && (
        <div className="export-menu" id={panelId} role="dialog" aria-label="Export and briefing" data-testid="export-menu">
          <div className="export-row">
            <label className="export-field">
              <span>Window</span>
              <select value={choice} onChange={(e) => setChoice(e.target.value as WindowChoice)} data-testid="export-window" autoFocus>
                {WINDOW_CHOICES.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {choice === 'custom' && (
            <div className="export-row export-custom">
              <label className="export-field">
                <span>From (Juba)</span>
                <input value={fromText} onChange={(e) => setFromText(e.target.value)} placeholder="YYYY-MM-DD HH:MM" data-testid="export-from" aria-invalid={!span.ok && span.field === 'from'} />
              </label>
              <label className="export-field">
                <span>To (Juba)</span>
                <input value={toText} onChange={(e) => setToText(e.target.value)} placeholder="YYYY-MM-DD HH:MM" data-testid="export-to" aria-invalid={!span.ok && span.field === 'to'} />
              </label>
            </div>
          )}
          {!span.ok && (
            <p className="export-problem" data-testid="export-window-problem">
              {span.message}
            </p>
          )}

          <section className="export-section" aria-label="Incidents">
            <h2>Incidents</h2>
            <label className="export-check">
              <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} data-testid="export-open-only" />
              <span>Open incidents only (reported, verified, responding)</span>
            </label>
            <div className="export-formats">
              {FORMATS.map((f) => (
                <button key={f.format} type="button" className="button button-small" title={`Incidents as ${f.label}, ${f.hint}`} disabled={busy || !span.ok} onClick={() => download('incidents', f.format)} data-testid={`export-incidents-${f.format}`}>
                  {f.label}
                </button>
              ))}
            </div>
          </section>

          <section className="export-section" aria-label="Patrol tracks">
            <h2>Patrol tracks</h2>
            <div className="export-row">
              <label className="export-field">
                <span>Patrols</span>
                <select value={onlySelected && selectedUnit ? 'selected' : 'all'} onChange={(e) => setOnlySelected(e.target.value === 'selected')} data-testid="export-track-units">
                  <option value="all">All patrols</option>
                  {selectedUnit && <option value="selected">Only {selectedUnit.callsign} (selected)</option>}
                </select>
              </label>
              <label className="export-field">
                <span>Points</span>
                <select value={everyS} onChange={(e) => setEveryS(Number(e.target.value))} data-testid="export-track-spacing">
                  {SPACINGS.map((s) => (
                    <option key={s.everyS} value={s.everyS}>
                      {s.label}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <div className="export-formats">
              {FORMATS.map((f) => (
                <button key={f.format} type="button" className="button button-small" title={`Patrol tracks as ${f.label}, ${f.hint}`} disabled={busy || !tracksAllowed} onClick={() => download('tracks', f.format)} data-testid={`export-tracks-${f.format}`}>
                  {f.label}
                </button>
              ))}
            </div>
            {span.ok && !tracksAllowed && <p className="export-problem">Tracks cover at most 24 hours: choose a shorter window.</p>}
          </section>

          <section className="export-section" aria-label="Map snapshot">
            <h2>Briefing</h2>
            <button type="button" className="button button-primary" disabled={busy || !map} onClick={snapshot} data-testid="export-snapshot">
              Snapshot of the map (PNG)
            </button>
            <p className="export-note">The map as shown, with its legend, the time in Juba and Zulu, the extent and a scale.</p>
          </section>

          <div className="export-status" role="status" aria-live="polite" data-testid="export-status" data-state={status.kind}>
            {status.kind !== 'idle' && <p className={status.kind === 'failed' ? 'export-failed' : undefined}>{status.text}</p>}
            {status.kind === 'done' && status.warning && <p className="export-warning">{status.warning}</p>}
          </div>
          <p className="export-note export-fine">
            Victims and witnesses are never exported. Need-to-know incidents are coarsened to about 2 km unless you hold need-to-know. Every export is recorded in the audit log.
          </p>
        </div>
      )}
    </div>
  );
}
