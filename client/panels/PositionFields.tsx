import { formatDecimalDegrees, formatMgrs } from '../format/position.js';
import { Field } from './Field.js';
import { useMessages } from '../i18n/messages.js';
import { panelMessages } from './messages.js';

/** A position as the field reads it over the radio (MGRS) and as GIS tools take it. */
export function PositionFields({ lon, lat }: { lon: number; lat: number }) {
  const t = useMessages(panelMessages);
  return (
    <>
      <Field label="MGRS" testId="detail-mgrs">
        <span className="mono">{formatMgrs(lon, lat)}</span>
      </Field>
      <Field label={t.latLon} testId="detail-latlon">
        <span className="mono">{formatDecimalDegrees(lon, lat)}</span>
      </Field>
    </>
  );
}
