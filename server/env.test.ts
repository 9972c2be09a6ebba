import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.js';

describe('parseEnv', () => {
  it('works with nothing set', () => {
    const result = parseEnv({});
    expect(result).toMatchObject({ ok: true, env: { PORT: 8080, SIMULATOR: true, TICK_MS: 500 } });
  });

  it('reads values and turns the simulator off', () => {
    expect(parseEnv({ PORT: '9000', SIMULATOR: 'off', SIMULATOR_SEED: '3' })).toMatchObject({
      ok: true,
      env: { PORT: 9000, SIMULATOR: false, SIMULATOR_SEED: 3 },
    });
  });

  it('names each bad setting and its value', () => {
    const result = parseEnv({ PORT: 'eighty', SIMULATOR: 'maybe' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('PORT="eighty"');
    expect(result.message).toContain('SIMULATOR="maybe"');
  });

  it('refuses a lost threshold that is not longer than the stale one', () => {
    expect(parseEnv({ STALE_AFTER_S: '600', LOST_AFTER_S: '300' })).toMatchObject({ ok: false });
  });
});
