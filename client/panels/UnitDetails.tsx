import type { Unit } from '../../shared/units.js';
import { useServerNow } from '../chrome/useNow.js';
import { ACTIVITY_LABEL, fieldOfficeName, STATUS_LABEL, UNIT_TYPE_LABEL } from '../format/labels.js';
import { formatAccuracy, formatBattery, formatHeading, formatSpeed } from '../format/quantities.js';
import { jubaHoursMinutes, jubaTime, lastSeen, zuluDtg } from '../format/time.js';
import { unitColour } from '../map/units.js';
import { useOps } from '../state/context.js';
import { effectiveStatus, policyFrom } from '../state/status.js';
import { Field } from './Field.js';
import { PositionFields } from './PositionFields.js';

/** One patrol: who, where, how fresh. Updates as fixes arrive; "last seen" ticks every second. */
export function UnitDetails({ unit }: { unit: Unit }) {
  const now = useServerNow(1_000);
  const config = useOps((s) => s.config);
  const status = effectiveStatus(unit, now, policyFrom(config));
  const fix = unit.last;
  return (
    <>
      <div className="panel-title">
        <span className="unit-swatch" style={{ background: unitColour(unit.type, unit.activity, status) }} aria-hidden="true" />
        <h2 data-testid="detail-title">{unit.callsign}</h2>
      </div>
      <p className="panel-subtitle">
        {UNIT_TYPE_LABEL[unit.type]} · {fieldOfficeName(unit.fieldOffice)} field office
      </p>
      {fix?.implausible && (
        <p className="detail-warning" data-testid="detail-implausible" role="note">
          <span className="detail-warning-badge" aria-hidden="true">
            !
          </span>
          <span>
            <strong>Implausible jump</strong> — the last fix was reached at an impossible speed from the one before. Do not
            trust this position until the next report.
          </span>
        </p>
      )}
      <div className="chips">
        <span className={`chip chip-status-${status}`} data-testid="detail-status">
          {STATUS_LABEL[status]}
        </span>
        <span className={`chip chip-activity-${unit.activity}`}>{ACTIVITY_LABEL[unit.activity]}</span>
      </div>
      {fix ? (
        <dl className="fields">
          {unit.group !== undefined && (
            <Field label="Group" testId="detail-group">
              {unit.group}
            </Field>
          )}
          <Field label="Last seen" testId="detail-last-seen">
            <strong>{lastSeen(fix.time, now)}</strong>
          </Field>
          {fix.staleAt !== undefined && (
            <Field label="Report" testId="detail-stale-at">
              {now > fix.staleAt ? 'expired at ' : 'current until '}
              <span className="mono">{jubaHoursMinutes(fix.staleAt)}</span> <span className="muted">Juba</span>
            </Field>
          )}
          <Field label="Fix time" testId="detail-fix-time">
            <span className="time-pair">
              <span>
                <span className="mono">{jubaTime(fix.time)}</span> <span className="muted">Juba</span>
              </span>
              <span className="mono">{zuluDtg(fix.time)}</span>
            </span>
          </Field>
          <Field label="Speed" testId="detail-speed">
            {formatSpeed(fix.speed)}
          </Field>
          <Field label="Heading" testId="detail-heading">
            {formatHeading(fix.heading)}
          </Field>
          <Field label="Accuracy" testId="detail-accuracy">
            {formatAccuracy(fix.accuracy)}
          </Field>
          {fix.battery !== undefined && <Field label="Battery">{formatBattery(fix.battery)}</Field>}
          <PositionFields lon={fix.lon} lat={fix.lat} />
        </dl>
      ) : (
        <>
          {unit.group !== undefined && (
            <dl className="fields">
              <Field label="Group" testId="detail-group">
                {unit.group}
              </Field>
            </dl>
          )}
          <p className="muted">No position reported yet.</p>
        </>
      )}
      <p className="panel-footnote muted">Unit id {unit.id}</p>
    </>
  );
}
