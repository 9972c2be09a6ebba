import type { AlertKind } from '../../shared/alerts.js';
import type { Severity } from '../../shared/incidents.js';
import { currentLang, type Lang } from '../i18n/lang.js';
import { ALERT_KIND_WORDS, ALERT_SEVERITY_WORDS } from './messages.js';

/** An alert's severity in words, as the JOC says it: 4 is critical. */
export const alertSeverityLabel = (severity: Severity, lang: Lang = currentLang()): string => ALERT_SEVERITY_WORDS[lang][severity] ?? String(severity);

/** What raised an alert, in words. */
export const alertKindLabel = (kind: AlertKind, lang: Lang = currentLang()): string => ALERT_KIND_WORDS[lang][kind];

/** The severity an alert carries, or 1 if the contract ever widens past what the client knows. */
export function severityOf(value: number): Severity {
  return value >= 4 ? 4 : value <= 1 ? 1 : value === 3 ? 3 : 2;
}
