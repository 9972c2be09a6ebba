import { IncidentCategory, IncidentLocation, IncidentStatus, type IncidentEvent } from '../../shared/incidents.js';
import { formatMgrs } from '../format/position.js';
import { CATEGORY_LABEL, severityText, STATUS_LABEL } from './categories.js';

/** A field's new value in words; unknown fields are shown as the server sent them. */
function valueText(field: string, value: unknown): string {
  if (field === 'status') {
    const s = IncidentStatus.safeParse(value);
    if (s.success) return STATUS_LABEL[s.data];
  }
  if (field === 'category') {
    const c = IncidentCategory.safeParse(value);
    if (c.success) return CATEGORY_LABEL[c.data];
  }
  if (field === 'severity' && typeof value === 'number') return severityText(value);
  if (field === 'location') {
    const l = IncidentLocation.safeParse(value);
    if (l.success) return formatMgrs(l.data.lon, l.data.lat);
  }
  if (field === 'protected' && typeof value === 'boolean') return value ? 'need-to-know' : 'not protected';
  if (typeof value === 'string') return value.length > 60 ? `“${value.slice(0, 57)}…”` : `“${value}”`;
  if (Array.isArray(value)) return `${value.length} on record`;
  return JSON.stringify(value) ?? String(value);
}

const FIELD_NAME: Partial<Record<string, string>> = {
  status: 'Status',
  severity: 'Severity',
  category: 'Category',
  title: 'Title',
  description: 'Description',
  location: 'Location',
  protected: 'Protection',
  victims: 'Victims',
  witnesses: 'Witnesses',
  peopleOnRecord: 'People on record',
};

/**
 * One timeline entry as lines of text: "Reported" for the first, then each change.
 * @example timelineLines({ action: 'updated', changes: { status: 'verified' }, … }) // ['Status → Verified']
 */
export function timelineLines(event: Pick<IncidentEvent, 'action' | 'changes'>): string[] {
  if (event.action === 'created') return ['Reported'];
  const lines = Object.entries(event.changes).map(([field, value]) => {
    if (field === 'description') return 'Description changed';
    if (field === 'peopleOnRecord') return 'People on record changed (need-to-know)';
    return `${FIELD_NAME[field] ?? field} → ${valueText(field, value)}`;
  });
  return lines.length > 0 ? lines : ['Updated'];
}
