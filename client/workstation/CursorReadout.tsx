import { useMessages } from '../i18n/messages.js';
import { workstationMessages } from './messages.js';
import type { MapMouseEvent } from 'maplibre-gl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { copyText } from '../admin/copy.js';
import { useKeyShortcut } from '../chrome/shortcut.js';
import { formatDecimalDegrees, formatMgrs } from '../format/position.js';
import { useMap } from '../map/MapContext.js';
import type { LatLon } from './state.js';
import { useFreeSpot } from './useFreeSpot.js';

/** How long "Copied" shows after a copy. */
const COPIED_MS = 2_500;

/**
 * At the foot of the map: the grid reference and decimal degrees under the pointer, updated
 * once per animation frame while it moves. A click on it, or C with the pointer on the map,
 * copies the grid reference to read out or paste.
 */
export function CursorReadout() {
  const t = useMessages(workstationMessages);
  const map = useMap();
  const ref = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const latest = useRef<LatLon | null>(null);
  const [at, setAt] = useState<LatLon | null>(null);
  const [copied, setCopied] = useState<{ mgrs: string; ok: boolean } | null>(null);
  useFreeSpot(ref, 'bottom', { hideWithoutRoom: true });

  useEffect(() => {
    let frame = 0;
    const onMove = (e: MapMouseEvent) => {
      latest.current = { lat: e.lngLat.lat, lon: e.lngLat.lng };
      if (frame === 0) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          setAt(latest.current);
        });
      }
    };
    map.on('mousemove', onMove);
    return () => {
      map.off('mousemove', onMove);
      cancelAnimationFrame(frame);
    };
  }, [map]);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = useCallback(() => {
    const position = latest.current;
    if (!position) return;
    const mgrs = formatMgrs(position.lon, position.lat);
    // The fallback copy selects the text in a field: keep the field holding what is copied.
    if (field.current) field.current.value = mgrs;
    void copyText(mgrs, field.current).then((ok) => setCopied({ mgrs, ok }));
  }, []);
  useKeyShortcut('c', copy);

  const mgrs = at ? formatMgrs(at.lon, at.lat) : null;
  return (
    <div ref={ref} className="cursor-readout" data-testid="cursor-readout">
      {at && mgrs ? (
        <button type="button" className="cursor-readout-button" onClick={copy} title={t.copyTitle} aria-keyshortcuts="C">
          <span className="cursor-readout-mgrs mono" data-testid="cursor-mgrs">
            {mgrs}
          </span>
          <span className="cursor-readout-dd mono" data-testid="cursor-dd">
            {formatDecimalDegrees(at.lon, at.lat)}
          </span>
        </button>
      ) : (
        <span className="cursor-readout-hint muted">{t.pointAtMap}</span>
      )}
      {copied && (
        <span className={`cursor-readout-copied${copied.ok ? '' : ' cursor-readout-copied-failed'}`} role="status" data-testid="cursor-copied">
          {copied.ok ? t.copied(copied.mgrs) : t.couldNotCopy}
        </span>
      )}
      <input ref={field} className="cursor-readout-field" tabIndex={-1} aria-hidden="true" readOnly defaultValue="" />
    </div>
  );
}
