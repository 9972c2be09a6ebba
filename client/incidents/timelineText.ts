import { IncidentCategory, IncidentLocation, IncidentStatus, type IncidentEvent } from '../../shared/incidents.js';
import { formatMgrs } from '../format/position.js';
import { currentLang, type Lang } from '../i18n/lang.js';
import { categoryLabel, incidentStatusLabel, severityText } from './categories.js';
import { incidentMessages } from './messages.js';

/** A field's new value in words; unknown fields are shown as the server sent them. */
function valueText(field: string, value: unknown, lang: Lang): string {
  const t = incidentMessages[lang];
  if (field === 'status') {
    const s = IncidentStatus.safeParse(value);
    if (s.success) return incidentStatusLabel(s.data, lang);
  }
  if (field === 'category') {
    const c = IncidentCategory.safeParse(value);
    if (c.success) return categoryLabel(c.data, lang);
  }
  if (field === 'severity' && typeof value === 'number') return severityText(value, lang);
  if (field === 'location') {
    const l = IncidentLocation.safeParse(value);
    if (l.success) return formatMgrs(l.data.lon, l.data.lat);
  }
  if (field === 'protected' && typeof value === 'boolean') return value ? t.needToKnow : t.notProtected;
  if (typeof value === 'string') return value.length > 60 ? `“${value.slice(0, 57)}…”` : `“${value}”`;
  if (Array.isArray(value)) return t.onRecord(value.length);
  return JSON.stringify(value) ?? String(value);
}

/**
 * One timeline entry as lines of text: "Reported" for the first, then each change.
 * @example timelineLines({ action: 'updated', changes: { status: 'verified' }, … }) // ['Status → Verified']
 */
export function timelineLines(event: Pick<IncidentEvent, 'action' | 'changes'>, lang: Lang = currentLang()): string[] {
  const t = incidentMessages[lang];
  if (event.action === 'created') return [t.logReported];
  const lines = Object.entries(event.changes).map(([field, value]) => {
    if (field === 'description') return t.descriptionChanged;
    if (field === 'peopleOnRecord') return t.peopleChanged;
    return `${t.fieldName(field)} → ${valueText(field, value, lang)}`;
  });
  return lines.length > 0 ? lines : [t.logUpdated];
}
