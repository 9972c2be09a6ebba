import { jubaDate, jubaTime, jubaUtcOffset, zuluDtg } from '../format/time.js';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { chromeMessages } from './messages.js';

/** Juba local time beside the Zulu date-time group, large enough to read across the JOC. */
export function Clocks({ now }: { now: number }) {
  const lang = useLang();
  const t = useMessages(chromeMessages);
  return (
    <div className="clocks">
      <div className="clock" title={t.jubaClockTitle(jubaUtcOffset(now))}>
        <span className="clock-label">{t.jubaClock(jubaUtcOffset(now))}</span>
        <span className="clock-value" data-testid="clock-juba">
          {jubaTime(now)}
        </span>
        <span className="clock-sub">{jubaDate(now, lang)}</span>
      </div>
      <div className="clock">
        <span className="clock-label">{t.zuluClock}</span>
        <span className="clock-value" data-testid="clock-zulu">
          {zuluDtg(now)}
        </span>
        <span className="clock-sub">UTC</span>
      </div>
    </div>
  );
}
