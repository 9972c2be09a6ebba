import type { ClientConfig } from '../../shared/config.js';
import type { LinkStatus, Unit, UnitType } from '../../shared/units.js';

const RANK: Record<LinkStatus, number> = { live: 0, stale: 1, lost: 2, unknown: 3 };

export interface StatusThresholds {
  staleAfterMs: number;
  lostAfterMs: number;
}

/**
 * How long each type of unit may stay silent, from the server's configuration; null until the
 * configuration arrives, when only the server's word and the sender's own stale time count.
 */
export type StatusPolicy = Readonly<Record<UnitType, StatusThresholds>> | null;

const worse = (a: LinkStatus, b: LinkStatus): LinkStatus => (RANK[b] > RANK[a] ? b : a);

/** Live, stale or lost by the age of the last fix alone. */
export function statusByAge(ageMs: number, t: StatusThresholds): LinkStatus {
  return ageMs >= t.lostAfterMs ? 'lost' : ageMs >= t.staleAfterMs ? 'stale' : 'live';
}

/**
 * The status to show: the server's word, made worse by the fix's age on the client's
 * (server-corrected) clock against that unit type's thresholds, and by the sender's own
 * "current until" time. While the link is down the server cannot say that a unit went stale,
 * so the screen works it out rather than showing old positions as live.
 */
export function effectiveStatus(unit: Unit, serverNowMs: number, policy: StatusPolicy): LinkStatus {
  const fix = unit.last;
  if (!fix) return 'unknown';
  const t = policy?.[unit.type];
  if (!t && unit.status === 'unknown') return 'unknown';
  let status: LinkStatus = unit.status === 'unknown' ? 'live' : unit.status;
  if (t) status = worse(status, statusByAge(serverNowMs - fix.time, t));
  // A sender that said when its report stops being current is taken at its word.
  if (fix.staleAt !== undefined && serverNowMs > fix.staleAt) status = worse(status, 'stale');
  return status;
}

const policies = new WeakMap<object, StatusPolicy>();

/** The per-type thresholds in milliseconds; the same object for the same configuration. */
export function policyFrom(config: Pick<ClientConfig, 'thresholds'> | null): StatusPolicy {
  if (!config) return null;
  const known = policies.get(config);
  if (known !== undefined) return known;
  const ms = (s: number) => s * 1000;
  const t = config.thresholds;
  const policy: Record<UnitType, StatusThresholds> = {
    'fpu-vehicle': { staleAfterMs: ms(t['fpu-vehicle'].staleAfterS), lostAfterMs: ms(t['fpu-vehicle'].lostAfterS) },
    'ipo-foot': { staleAfterMs: ms(t['ipo-foot'].staleAfterS), lostAfterMs: ms(t['ipo-foot'].lostAfterS) },
    'joint-patrol': { staleAfterMs: ms(t['joint-patrol'].staleAfterS), lostAfterMs: ms(t['joint-patrol'].lostAfterS) },
    'static-post': { staleAfterMs: ms(t['static-post'].staleAfterS), lostAfterMs: ms(t['static-post'].lostAfterS) },
  };
  policies.set(config, policy);
  return policy;
}
