import { useState } from 'react';
import { IncidentSummary, OPEN_STATUSES, type Assignment, type DispatchCandidate } from '../../shared/incidents.js';
import { UnitType } from '../../shared/units.js';
import { useFocusUnit } from '../alerts/useFocusUnit.js';
import { FormStatus } from '../forms/FormStatus.js';
import { useAction } from '../forms/useAction.js';
import { unitTypeShort } from '../format/labels.js';
import { useLang, type Lang } from '../i18n/lang.js';
import { useMessages } from '../i18n/messages.js';
import { incidentMessages } from './messages.js';
import { jubaHoursMinutes } from '../format/time.js';
import { useSession } from '../session/context.js';
import { useOps, useOpsStore } from '../state/context.js';
import { etaText } from './eta.js';
import { useDispatchCandidates } from './useDispatchCandidates.js';

const SHOWN = 6;
const FIELDS = ['unitIds'] as const;

const typeLabel = (type: string, lang: Lang): string => {
  const known = UnitType.safeParse(type);
  return known.success ? unitTypeShort(known.data, lang) : type;
};

const minutes = (ms: number): string => `${Math.max(1, Math.round(ms / 60_000))} min`;


/** One patrol sent: on its way, or there and how long it took. */
function AssignmentRow({ assignment }: { assignment: Assignment }) {
  const callsign = useOps((s) => s.units.get(assignment.unitId)?.callsign ?? assignment.unitId);
  const t = useMessages(incidentMessages);
  const focus = useFocusUnit();
  const arrived = assignment.arrivedAt;
  return (
    <li className="assignment" data-testid="incident-assignment" data-unit-id={assignment.unitId} data-arrived={arrived === null ? 'no' : 'yes'}>
      <button type="button" className="link-button mono" title={t.showPatrol} onClick={() => focus(assignment.unitId)}>
        {callsign}
      </button>
      <span className="muted">
        {t.sentBy(jubaHoursMinutes(assignment.assignedAt), assignment.assignedBy)}
      </span>
      {arrived === null ? (
        <span className="chip chip-incident-responding">{t.onTheWay}</span>
      ) : (
        <span className="chip chip-incident-resolved" title={t.assignToArrival}>
          {t.arrived(jubaHoursMinutes(arrived), minutes(arrived - assignment.assignedAt))}
        </span>
      )}
    </li>
  );
}

function CandidateRow({ candidate, nearest, quickest, checked, onToggle }: { candidate: DispatchCandidate; nearest: boolean; quickest: boolean; checked: boolean; onToggle: () => void }) {
  const lang = useLang();
  const t = useMessages(incidentMessages);
  return (
    <li className="dispatch-candidate" data-testid="dispatch-candidate" data-unit-id={candidate.unitId}>
      <label>
        <input type="checkbox" checked={checked} onChange={onToggle} data-testid="dispatch-pick" />
        <span className="mono dispatch-callsign">{candidate.callsign}</span>
        {nearest && <span className="chip chip-nearest">{t.nearest}</span>}
        {quickest && <span className="chip chip-quickest">{t.quickest}</span>}
        <span className="dispatch-figures mono" data-testid="dispatch-figures">
          {candidate.distanceKm.toFixed(1)} km · {etaText(candidate.etaMinutes)}
        </span>
      </label>
      <span className="dispatch-type muted">{typeLabel(candidate.type, lang)}</span>
    </li>
  );
}

/**
 * Who is on the way to an incident, and for a desk that may manage incidents, the patrols that
 * could be sent: available ones only (live, on patrol or at base), nearest first, with a rough
 * arrival time by road or on foot. Sending makes the patrol and the incident "responding".
 */
export function IncidentDispatch({ incident, canManage }: { incident: IncidentSummary; canManage: boolean }) {
  const t = useMessages(incidentMessages);
  const open = OPEN_STATUSES.includes(incident.status) || incident.status === 'resolved';
  return (
    <section data-testid="incident-dispatch">
      {incident.assignments.length > 0 && (
        <>
          <h3 className="incident-section">{t.patrolsSent}</h3>
          <ul className="assignments">
            {incident.assignments.map((a) => (
              <AssignmentRow key={a.unitId} assignment={a} />
            ))}
          </ul>
        </>
      )}
      {canManage && open && <DispatchPicker incident={incident} />}
    </section>
  );
}

function DispatchPicker({ incident }: { incident: IncidentSummary }) {
  const t = useMessages(incidentMessages);
  const session = useSession();
  const store = useOpsStore();
  const { state, reload } = useDispatchCandidates(incident.id, incident.updatedAt);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const action = useAction(FIELDS);
  const sent = new Set(incident.assignments.map((a) => a.unitId));
  const candidates = state.status === 'loaded' ? state.candidates.filter((c) => !sent.has(c.unitId)).slice(0, SHOWN) : [];
  const chosen = candidates.filter((c) => picked.has(c.unitId));
  // The nearest is not always the first to arrive: a vehicle further off may beat a foot patrol.
  const quickest = candidates.reduce<DispatchCandidate | null>((best, c) => (best === null || c.etaMinutes < best.etaMinutes ? c : best), null);

  const toggle = (unitId: string) =>
    setPicked((now) => {
      const next = new Set(now);
      if (!next.delete(unitId)) next.add(unitId);
      return next;
    });

  const send = () =>
    void action.run(
      async () => {
        const updated = await session.send('POST', `/api/incidents/${encodeURIComponent(incident.id)}/assign`, { unitIds: chosen.map((c) => c.unitId) }, IncidentSummary);
        store.setState((s) => ({ incidents: new Map(s.incidents).set(updated.id, updated) }));
        setPicked(new Set());
        return chosen.map((c) => c.callsign);
      },
      (callsigns) => t.sent(callsigns.join(', ')),
    );

  return (
    <>
      <h3 className="incident-section">{t.sendAPatrol}</h3>
      {state.status === 'loading' && <p className="muted">{t.finding}</p>}
      {state.status === 'failed' && (
        <p className="muted" role="alert">
          {t.cannotRank(state.problem)}{' '}
          <button type="button" className="link-button" onClick={reload}>
            {t.tryAgain}
          </button>
        </p>
      )}
      {state.status === 'loaded' && candidates.length === 0 && <p className="muted" data-testid="dispatch-none">{t.noneAvailable}</p>}
      {candidates.length > 0 && (
        <>
          <ul className="dispatch-candidates" aria-label={t.availableAria}>
            {candidates.map((c, i) => (
              <CandidateRow key={c.unitId} candidate={c} nearest={i === 0} quickest={i !== 0 && c === quickest} checked={picked.has(c.unitId)} onToggle={() => toggle(c.unitId)} />
            ))}
          </ul>
          <p className="dispatch-note muted">{t.dispatchNote}</p>
          <button type="button" className="button button-primary" data-testid="dispatch-assign" disabled={chosen.length === 0 || action.pending} onClick={send}>
            {action.pending ? t.sending : chosen.length > 1 ? t.sendN(chosen.length) : chosen.length === 1 ? t.sendOne(chosen[0]?.callsign ?? '') : t.pickToSend}
          </button>
        </>
      )}
      <FormStatus problems={action.problems} success={action.success} testId="dispatch" />
    </>
  );
}
