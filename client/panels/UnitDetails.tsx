import type { Unit } from '../../shared/units.js';
import { useServerNow } from '../chrome/useNow.js';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { panelMessages } from './messages.js';
import { activityLabel, fieldOfficeName, linkStatusLabel, unitTypeLabel } from '../format/labels.js';
import { formatAccuracy, formatBattery, formatHeading, formatSpeed } from '../format/quantities.js';
import { jubaHoursMinutes, jubaTime, lastSeen, zuluDtg } from '../format/time.js';
import { unitColour } from '../map/units.js';
import { useOps } from '../state/context.js';
import { effectiveStatus, policyFrom } from '../state/status.js';
import { Field } from './Field.js';
import { PositionFields } from './PositionFields.js';

/** One patrol: who, where, how fresh. Updates as fixes arrive; "last seen" ticks every second. */
export function UnitDetails({ unit }: { unit: Unit }) {
  const lang = useLang();
  const t = useMessages(panelMessages);
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
        {unitTypeLabel(unit.type, lang)} · {t.fieldOffice(fieldOfficeName(unit.fieldOffice))}
      </p>
      {fix?.implausible && (
        <p className="detail-warning" data-testid="detail-implausible" role="note">
          <span className="detail-warning-badge" aria-hidden="true">
            !
          </span>
          <span>
            <strong>{t.implausible}</strong>
            {t.implausibleText}
          </span>
        </p>
      )}
      <div className="chips">
        <span className={`chip chip-status-${status}`} data-testid="detail-status">
          {linkStatusLabel(status, lang)}
        </span>
        <span className={`chip chip-activity-${unit.activity}`}>{activityLabel(unit.activity, lang)}</span>
      </div>
      {fix ? (
        <dl className="fields">
          {unit.group !== undefined && (
            <Field label={t.group} testId="detail-group">
              {unit.group}
            </Field>
          )}
          <Field label={t.lastSeen} testId="detail-last-seen">
            <strong>{lastSeen(fix.time, now, lang)}</strong>
          </Field>
          {fix.staleAt !== undefined && (
            <Field label={t.report} testId="detail-stale-at">
              {now > fix.staleAt ? t.expiredAt : t.currentUntil}
              <span className="mono">{jubaHoursMinutes(fix.staleAt)}</span> <span className="muted">{t.juba}</span>
            </Field>
          )}
          <Field label={t.fixTime} testId="detail-fix-time">
            <span className="time-pair">
              <span>
                <span className="mono">{jubaTime(fix.time)}</span> <span className="muted">{t.juba}</span>
              </span>
              <span className="mono">{zuluDtg(fix.time)}</span>
            </span>
          </Field>
          <Field label={t.speed} testId="detail-speed">
            {formatSpeed(fix.speed)}
          </Field>
          <Field label={t.heading} testId="detail-heading">
            {formatHeading(fix.heading)}
          </Field>
          <Field label={t.accuracy} testId="detail-accuracy">
            {formatAccuracy(fix.accuracy, lang)}
          </Field>
          {fix.battery !== undefined && <Field label={t.battery}>{formatBattery(fix.battery)}</Field>}
          <PositionFields lon={fix.lon} lat={fix.lat} />
        </dl>
      ) : (
        <>
          {unit.group !== undefined && (
            <dl className="fields">
              <Field label={t.group} testId="detail-group">
                {unit.group}
              </Field>
            </dl>
          )}
          <p className="muted">{t.noPosition}</p>
        </>
      )}
      <p className="panel-footnote muted">{t.unitId(unit.id)}</p>
    </>
  );
}
