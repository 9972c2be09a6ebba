import { useEffect, useId, useRef, useState } from 'react';
import { exportFilename, SnapshotRecorded, type ExportFormat } from '../../shared/export.js';
import { roleLabel } from '../format/labels.js';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { toJubaInput } from '../patrols/jubaInput.js';
import { useMe, useSession } from '../session/context.js';
import { useOps, useOpsStore } from '../state/context.js';
import { serverNow } from '../state/store.js';
import { fetchExport, saveBlob } from './download.js';
import { incidentExportUrl, trackExportUrl } from './exportUrl.js';
import { useSnapshotMap } from './mapHandle.js';
import { exportMessages } from './messages.js';
import { takeSnapshot } from './snapshot.js';
import { chosenWindow, tracksFit, WINDOW_CHOICES, type WindowChoice } from './windowChoice.js';
import './export.css';

const FORMATS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'geojson', label: 'GeoJSON' },
  { format: 'kml', label: 'KML' },
  { format: 'csv', label: 'CSV' },
];

/** Seconds between the points of a track: every fix, one a minute, one every 5 minutes. */
const SPACINGS = [0, 60, 300] as const;

type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'done'; text: string; warning?: string } | { kind: 'failed'; text: string };

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
  const lang = useLang();
  const t = useMessages(exportMessages);

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
  const span = chosenWindow(choice, now(), fromText, toText, lang);
  const busy = status.kind === 'busy';
  const tracksAllowed = span.ok && tracksFit(span.window);

  const run = async (what: string, work: () => Promise<Status>) => {
    setStatus({ kind: 'busy', text: t.preparing(what) });
    try {
      setStatus(await work());
    } catch (err) {
      setStatus({ kind: 'failed', text: t.failed(what, err instanceof Error ? err.message : String(err)) });
    }
  };

  const download = (kind: 'incidents' | 'tracks', format: ExportFormat) => {
    const current = chosenWindow(choice, now(), fromText, toText, lang);
    if (!current.ok) {
      setStatus({ kind: 'failed', text: current.message });
      return;
    }
    const url =
      kind === 'incidents'
        ? incidentExportUrl(format, current.window, { openOnly })
        : trackExportUrl(format, current.window, { unitIds: onlySelected && selectedUnit ? [selectedUnit.id] : null, everyS });
    void run(kind === 'incidents' ? t.whatIncidents(format.toUpperCase()) : t.whatTracks(format.toUpperCase()), async () => {
      const file = await fetchExport(url, exportFilename(kind, format, current.window.to));
      saveBlob(file.blob, file.filename);
      return { kind: 'done', text: kind === 'incidents' ? t.savedIncidents(file.filename, file.rows) : t.savedTracks(file.filename, file.rows) };
    });
  };

  const snapshot = () => {
    if (!map) {
      setStatus({ kind: 'failed', text: t.mapNotLoaded });
      return;
    }
    void run(t.whatSnapshot, async () => {
      const state = store.getState();
      // In replay the map shows the past: the picture says which moment, and whose incidents then.
      const replayedAt = state.replay?.shownAt ?? null;
      const shot = await takeSnapshot({
        map,
        situationAt: replayedAt ?? serverNow(state),
        replay: replayedAt !== null,
        preparedBy: `${me.name} · ${roleLabel(me.role, lang)}`,
        layers: state.layers,
        incidents: replayedAt !== null && state.replay ? state.replay.incidents : state.incidents,
      });
      let warning: string | undefined;
      try {
        await session.send('POST', '/api/export/snapshots', shot.record, SnapshotRecorded);
      } catch (err) {
        // The picture is what is on the screen already; it is saved, and the gap is said.
        warning = t.notRecorded(err instanceof Error ? err.message : String(err));
      }
      saveBlob(shot.png, shot.filename);
      const strict = shot.record.exactSensitive > 0;
      return {
        kind: 'done',
        text: t.savedSnapshot(shot.filename, shot.width, shot.height, strict),
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
        title={t.buttonTitle}
        onClick={toggle}
      >
        {t.export}
      </button>
      {open && (
        <div className="export-menu" id={panelId} role="dialog" aria-label={t.dialog} data-testid="export-menu">
          <div className="export-row">
            <label className="export-field">
              <span>{t.window}</span>
              <select value={choice} onChange={(e) => setChoice(e.target.value as WindowChoice)} data-testid="export-window" autoFocus>
                {WINDOW_CHOICES.map((c) => (
                  <option key={c.id} value={c.id}>
                    {t.windowChoice(c.id)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {choice === 'custom' && (
            <div className="export-row export-custom">
              <label className="export-field">
                <span>{t.from}</span>
                <input value={fromText} onChange={(e) => setFromText(e.target.value)} placeholder={t.dateTimePlaceholder} data-testid="export-from" aria-invalid={!span.ok && span.field === 'from'} />
              </label>
              <label className="export-field">
                <span>{t.to}</span>
                <input value={toText} onChange={(e) => setToText(e.target.value)} placeholder={t.dateTimePlaceholder} data-testid="export-to" aria-invalid={!span.ok && span.field === 'to'} />
              </label>
            </div>
          )}
          {!span.ok && (
            <p className="export-problem" data-testid="export-window-problem">
              {span.message}
            </p>
          )}

          <section className="export-section" aria-label={t.incidents}>
            <h2>{t.incidents}</h2>
            <label className="export-check">
              <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} data-testid="export-open-only" />
              <span>{t.openOnly}</span>
            </label>
            <div className="export-formats">
              {FORMATS.map((f) => (
                <button key={f.format} type="button" className="button button-small" title={t.incidentsAs(f.label, t.hint(f.format))} disabled={busy || !span.ok} onClick={() => download('incidents', f.format)} data-testid={`export-incidents-${f.format}`}>
                  {f.label}
                </button>
              ))}
            </div>
          </section>

          <section className="export-section" aria-label={t.tracks}>
            <h2>{t.tracks}</h2>
            <div className="export-row">
              <label className="export-field">
                <span>{t.patrols}</span>
                <select value={onlySelected && selectedUnit ? 'selected' : 'all'} onChange={(e) => setOnlySelected(e.target.value === 'selected')} data-testid="export-track-units">
                  <option value="all">{t.allPatrols}</option>
                  {selectedUnit && <option value="selected">{t.onlySelected(selectedUnit.callsign)}</option>}
                </select>
              </label>
              <label className="export-field">
                <span>{t.points}</span>
                <select value={everyS} onChange={(e) => setEveryS(Number(e.target.value))} data-testid="export-track-spacing">
                  {SPACINGS.map((every) => (
                    <option key={every} value={every}>
                      {t.spacing(every)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <div className="export-formats">
              {FORMATS.map((f) => (
                <button key={f.format} type="button" className="button button-small" title={t.tracksAs(f.label, t.hint(f.format))} disabled={busy || !tracksAllowed} onClick={() => download('tracks', f.format)} data-testid={`export-tracks-${f.format}`}>
                  {f.label}
                </button>
              ))}
            </div>
            {span.ok && !tracksAllowed && <p className="export-problem">{t.tracksMax}</p>}
          </section>

          <section className="export-section" aria-label={t.snapshotSection}>
            <h2>{t.briefing}</h2>
            <button type="button" className="button button-primary" disabled={busy || !map} onClick={snapshot} data-testid="export-snapshot">
              {t.snapshot}
            </button>
            <p className="export-note">{t.snapshotNote}</p>
          </section>

          <div className="export-status" role="status" aria-live="polite" data-testid="export-status" data-state={status.kind}>
            {status.kind !== 'idle' && <p className={status.kind === 'failed' ? 'export-failed' : undefined}>{status.text}</p>}
            {status.kind === 'done' && status.warning && <p className="export-warning">{status.warning}</p>}
          </div>
          <p className="export-note export-fine">
            {t.fine}
          </p>
        </div>
      )}
    </div>
  );
}
