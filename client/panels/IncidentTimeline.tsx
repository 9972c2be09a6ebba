import { jubaTime, zuluDtg } from '../format/time.js';
import { timelineLines } from '../incidents/timelineText.js';
import { useIncidentTimeline } from '../incidents/useIncidentTimeline.js';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { panelMessages } from './messages.js';


/** Who changed what, when: the log UN reports are built from, newest last. */
export function IncidentTimeline({ id, updatedAt }: { id: string; updatedAt: number }) {
  const lang = useLang();
  const t = useMessages(panelMessages);
  const timeline = useIncidentTimeline(id, updatedAt);
  return (
    <section data-testid="incident-timeline" aria-busy={timeline.status === 'loading'}>
      <h3 className="incident-section">{t.timeline}</h3>
      {timeline.status === 'loading' && <p className="muted">{t.loadingLog}</p>}
      {timeline.status === 'failed' && (
        <p className="muted" role="alert">
          {t.cannotLoadLog(timeline.problem)}
        </p>
      )}
      {timeline.status === 'loaded' && (
        <ol className="incident-timeline">
          {timeline.events.map((e) => (
            <li key={e.seq} data-testid="incident-timeline-entry">
              <div className="timeline-when">
                <span className="mono">{jubaTime(e.time)}</span> {t.juba} · <span className="mono">{zuluDtg(e.time)}</span> · {e.actor}
              </div>
              {timelineLines(e, lang).map((line) => (
                <div key={line}>{line}</div>
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
