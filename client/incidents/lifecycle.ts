import type { IncidentStatus } from '../../shared/incidents.js';

export { nextStatuses } from '../../shared/incidents.js';

/** What the button that moves an incident to a status says. */
export const STEP_LABEL: Record<IncidentStatus, string> = {
  reported: 'Reopen',
  verified: 'Verify',
  responding: 'Responding',
  resolved: 'Resolve',
  closed: 'Close',
  'false-report': 'False report',
};
