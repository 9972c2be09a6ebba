import { IncidentSummary, type IncidentStatus } from '../../shared/incidents.js';
import { FormStatus } from '../forms/FormStatus.js';
import { useAction } from '../forms/useAction.js';
import { useLang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { panelMessages } from './messages.js';
import { incidentStatusLabel } from '../incidents/categories.js';
import { nextStatuses, stepLabel } from '../incidents/lifecycle.js';
import { useSession } from '../session/context.js';
import { useOpsStore } from '../state/context.js';

const FIELDS = ['status'] as const;

/** The next lifecycle steps, for someone who may manage incidents. */
export function IncidentActions({ incident }: { incident: IncidentSummary }) {
  const lang = useLang();
  const t = useMessages(panelMessages);
  const session = useSession();
  const store = useOpsStore();
  const action = useAction(FIELDS);
  const steps = nextStatuses(incident.status);
  if (steps.length === 0) return null;

  const move = (status: IncidentStatus) =>
    void action.run(
      async () => {
        const updated = await session.send('PATCH', `/api/incidents/${encodeURIComponent(incident.id)}`, { status }, IncidentSummary);
        // Show it at once; the feed brings the same change to every other screen.
        store.setState((s) => ({ incidents: new Map(s.incidents).set(updated.id, updated) }));
        return updated;
      },
      (updated) => t.nowStatus(incidentStatusLabel(updated.status, lang)),
    );

  return (
    <>
      <div className="incident-actions" role="group" aria-label={t.nextSteps}>
        {steps.map((status) => (
          <button
            key={status}
            type="button"
            className={`button${status === 'false-report' ? ' button-danger' : status === 'verified' ? ' button-primary' : ''}`}
            data-testid={`incident-status-${status}`}
            disabled={action.pending}
            onClick={() => move(status)}
          >
            {stepLabel(status, lang)}
          </button>
        ))}
      </div>
      <FormStatus problems={action.problems} success={action.success} testId="incident-status" />
    </>
  );
}
