import { DEFAULT_DEADLINES, deadlinesFrom } from './alerts/deadlines.js';
import { describe, expect, it } from 'vitest';
import { parseEnv, trackingPolicyFrom } from './env.js';

describe('parseEnv', () => {
  it('works with nothing set', () => {
    const result = parseEnv({});
    expect(result).toMatchObject({ ok: true, env: { PORT: 8080, SIMULATOR: true, TICK_MS: 200 } });
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

  it('takes per-type status thresholds and refuses a lost threshold not longer than the stale one', () => {
    const ok = parseEnv({ STATUS_THRESHOLDS: '{"ipo-foot":{"staleAfterS":400,"lostAfterS":1800}}' });
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      const policy = trackingPolicyFrom(ok.env);
      expect(policy.thresholds['ipo-foot']).toEqual({ staleAfterMs: 400_000, lostAfterMs: 1_800_000 });
      expect(policy.thresholds['fpu-vehicle']).toEqual({ staleAfterMs: 120_000, lostAfterMs: 600_000 });
    }
    expect(parseEnv({ STATUS_THRESHOLDS: '{"ipo-foot":{"staleAfterS":600,"lostAfterS":300}}' })).toMatchObject({ ok: false });
    expect(parseEnv({ STATUS_THRESHOLDS: '{"hovercraft":{"staleAfterS":1,"lostAfterS":2}}' })).toMatchObject({ ok: false });
    expect(parseEnv({ STATUS_THRESHOLDS: 'not json' })).toMatchObject({ ok: false, message: expect.stringContaining('not valid JSON') });
  });

  it('lays configured deadlines over the defaults and names a bad one', () => {
    const ok = parseEnv({ DEADLINES: '{"verifyMinutes":{"4":5},"acknowledgeMinutes":{"1":60}}' });
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      const policy = deadlinesFrom(ok.env.DEADLINES);
      expect(policy.verifyMinutes).toEqual({ 4: 5, 3: 30, 2: 120, 1: 480 });
      expect(policy.acknowledgeMinutes).toEqual({ 4: 2, 3: 5, 2: 15, 1: 60 });
      expect(policy.assignMinutes).toEqual(DEFAULT_DEADLINES.assignMinutes);
    }
    const bad = parseEnv({ DEADLINES: '{"verifyMinutes":{"4":-1}}' });
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('DEADLINES') });
    expect(parseEnv({ DEADLINES: '{"verifyMinuts":{}}' })).toMatchObject({ ok: false });
  });

  it('takes a PostgreSQL URL, and names a wrong one without showing its password', () => {
    const unset = parseEnv({});
    expect(unset.ok && unset.env.DATABASE_URL).toBeUndefined();
    const url = 'postgres://ops:s3cret@db.juba.example:5432/ops';
    expect(parseEnv({ DATABASE_URL: url })).toMatchObject({ ok: true, env: { DATABASE_URL: url } });
    expect(parseEnv({ DATABASE_URL: 'postgresql://ops@10.0.0.5/ops' }).ok).toBe(true);
    const bad = parseEnv({ DATABASE_URL: 'mysql://ops:s3cret@db.juba.example/ops' });
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('DATABASE_URL="mysql://ops:***@db.juba.example/ops"') });
    expect(bad.ok ? '' : bad.message).not.toContain('s3cret');
    expect(parseEnv({ DATABASE_URL: 'postgres://ops:s3cret@db:54x2/ops' })).toMatchObject({ ok: false, message: expect.stringContaining('not a readable URL') });
  });
});
