import { jubaDate, jubaTime, jubaUtcOffset, zuluDtg } from '../format/time.js';

/** Juba local time beside the Zulu date-time group, large enough to read across the JOC. */
export function Clocks({ now }: { now: number }) {
  return (
    <div className="clocks">
      <div className="clock">
        <span className="clock-label">Juba {jubaUtcOffset(now)}</span>
        <span className="clock-value" data-testid="clock-juba">
          {jubaTime(now)}
        </span>
        <span className="clock-sub">{jubaDate(now)}</span>
      </div>
      <div className="clock">
        <span className="clock-label">Zulu DTG</span>
        <span className="clock-value" data-testid="clock-zulu">
          {zuluDtg(now)}
        </span>
        <span className="clock-sub">UTC</span>
      </div>
    </div>
  );
}
