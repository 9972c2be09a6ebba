import type { UnitRegistration } from '../../shared/units.js';
import type { AccountService } from '../auth/accounts.js';
import type { Tracker } from '../tracking/tracker.js';
import type { ProvisionDevices } from './simulator.js';

export const SIMULATOR_TOKEN_LABEL = 'simulator';

/**
 * Puts the simulator's units on the roster and gives each a fresh device token, revoking the
 * tokens of its previous run: the simulated trackers then authenticate like real ones.
 */
export function provisionSimulator(tracker: Tracker, accounts: AccountService): ProvisionDevices {
  return async (roster: readonly UnitRegistration[]) => {
    await tracker.register(roster);
    await accounts.revokeDeviceTokensLabelled(SIMULATOR_TOKEN_LABEL, 'system');
    const tokens = new Map<string, string>();
    for (const unit of roster) {
      const { token } = await accounts.issueDeviceToken(unit.id, SIMULATOR_TOKEN_LABEL, 'system');
      tokens.set(unit.id, token);
    }
    return tokens;
  };
}
