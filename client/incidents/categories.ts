import type { IncidentCategory, IncidentStatus } from '../../shared/incidents.js';

/** What the JOC calls each category, in the legend, the form and the details panel. */
export const CATEGORY_LABEL: Record<IncidentCategory, string> = {
  'threat-to-civilians': 'Threat to civilians / armed attack',
  'intercommunal-clash': 'Intercommunal clash',
  'cattle-raiding': 'Cattle raiding',
  sgbv: 'SGBV',
  'human-rights-violation': 'Human-rights violation',
  'public-order': 'Public order / demonstration',
  crime: 'Crime',
  'threat-to-un': 'Threat to UN personnel / premises',
  'humanitarian-access-denial': 'Humanitarian access denial',
  'election-related': 'Election-related',
  'organised-crime': 'Organised crime / smuggling',
  'poc-site-security': 'POC-site security',
  'accident-medical': 'Accident / medical',
  other: 'Other',
};

/**
 * Two letters drawn inside the marker: the category's "icon", readable without colour vision
 * and the same in the legend.
 */
export const CATEGORY_CODE: Record<IncidentCategory, string> = {
  'threat-to-civilians': 'TC',
  'intercommunal-clash': 'IC',
  'cattle-raiding': 'CR',
  sgbv: 'SG',
  'human-rights-violation': 'HR',
  'public-order': 'PO',
  crime: 'CM',
  'threat-to-un': 'UN',
  'humanitarian-access-denial': 'HA',
  'election-related': 'EL',
  'organised-crime': 'OC',
  'poc-site-security': 'PS',
  'accident-medical': '+',
  other: '?',
};

/**
 * One colour per category, for a dark map: the violent ones warm (red, orange, magenta), the
 * rest spread round the wheel; unit colours (blue, teal, lilac, white) are avoided where possible.
 */
export const CATEGORY_COLOUR: Record<IncidentCategory, string> = {
  'threat-to-civilians': '#ff3b30',
  'intercommunal-clash': '#ff7a1a',
  'cattle-raiding': '#c8a165',
  sgbv: '#ff4fa3',
  'human-rights-violation': '#b86bff',
  'public-order': '#ffd60a',
  crime: '#f2a0a0',
  'threat-to-un': '#e01e5a',
  'humanitarian-access-denial': '#4cd964',
  'election-related': '#5ac8fa',
  'organised-crime': '#a0785a',
  'poc-site-security': '#ffb020',
  'accident-medical': '#f5f5f5',
  other: '#9aa5b4',
};

export const SEVERITY_LABEL: Record<number, string> = { 1: 'Low', 2: 'Medium', 3: 'High', 4: 'Critical' };

export const STATUS_LABEL: Record<IncidentStatus, string> = {
  reported: 'Reported',
  verified: 'Verified',
  responding: 'Responding',
  resolved: 'Resolved',
  closed: 'Closed',
  'false-report': 'False report',
};

/** Finished with: drawn dimmed, so open incidents stand out. */
export const DONE_STATUSES: ReadonlySet<IncidentStatus> = new Set(['resolved', 'closed', 'false-report']);

export const severityText = (severity: number): string => `${severity} — ${SEVERITY_LABEL[severity] ?? 'unknown'}`;
