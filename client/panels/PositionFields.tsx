import { formatDecimalDegrees, formatMgrs } from '../format/position.js';
import { Field } from './Field.js';

/** A position as the field reads it over the radio (MGRS) and as GIS tools take it. */
export function PositionFields({ lon, lat }: { lon: number; lat: number }) {
  return (
    <>
      <Field label="MGRS" testId="detail-mgrs">
        <span className="mono">{formatMgrs(lon, lat)}</span>
      </Field>
      <Field label="Lat / Lon" testId="detail-latlon">
        <span className="mono">{formatDecimalDegrees(lon, lat)}</span>
      </Field>
    </>
  );
}
