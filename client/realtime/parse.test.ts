import { describe, expect, it } from 'vitest';
import { parseUnitsMessage } from './parse.js';

const good = {
  key: 0,
  id: 'jub-fpu-1',
  callsign: 'JUB-FPU-1',
  type: 'fpu-vehicle',
  fieldOffice: 'juba',
  activity: 'on-patrol',
  status: 'live',
  last: { time: 1_800_000_000_000, lat: 4.85, lon: 31.6, speed: 8 },
};

describe('parseUnitsMessage', () => {
  it('keeps good units and drops a malformed one, saying why', () => {
    const bad = { ...good, key: 1, id: 'bad-1', last: { ...good.last, speed: 9000 } };
    const parsed = parseUnitsMessage({ seq: 3, time: 1_800_000_000_500, units: [good, bad] });
    expect('error' in parsed).toBe(false);
    if ('error' in parsed) return;
    expect(parsed.units.map((u) => u.id)).toEqual(['jub-fpu-1']);
    expect(parsed.rejected).toBe(1);
    expect(parsed.firstProblem).toMatch(/bad-1.*speed/s);
  });
  it('refuses a message without a sequence number', () => {
    expect(parseUnitsMessage({ time: 1, units: [] })).toHaveProperty('error');
    expect(parseUnitsMessage('hello')).toHaveProperty('error');
  });
});
