import { describe, expect, it } from 'vitest';
import { checkpointCounts, NewPatrolOrder, type NewPatrolOrderInput } from './patrols.js';
import { issuesFrom } from './reply.js';

const H = 3600_000;
const start = Date.UTC(2027, 1, 15, 6, 0);

const valid = (over: Partial<NewPatrolOrderInput> = {}): NewPatrolOrderInput => ({
  unitId: 'bor-fpu-2',
  title: 'Bor south',
  startsAt: start,
  endsAt: start + 4 * H,
  checkpoints: [{ name: 'Pariak', lat: 6.07, lon: 31.55 }],
  ...over,
});

const pathsOf = (input: unknown): string[] => {
  const result = NewPatrolOrder.safeParse(input);
  return result.success ? [] : issuesFrom(result.error).map((i) => i.path);
};

describe('NewPatrolOrder', () => {
  it('takes a plain order and fills in the default radius', () => {
    const order = NewPatrolOrder.parse(valid());
    expect(order.checkpoints[0]?.radiusM).toBe(300);
    expect(order.returnTo).toBeUndefined();
  });

  it('names the field that is wrong', () => {
    expect(pathsOf(valid({ endsAt: start - H }))).toEqual(['endsAt']);
    expect(pathsOf(valid({ endsAt: start + 25 * H }))).toEqual(['endsAt']);
    expect(pathsOf(valid({ checkpoints: [] }))).toEqual(['checkpoints']);
    expect(pathsOf(valid({ checkpoints: [{ name: 'X', lat: 200, lon: 31.5 }] }))).toEqual(['checkpoints[0].lat']);
    expect(pathsOf(valid({ checkpoints: [{ name: 'Kampala', lat: 0.35, lon: 32.58 }] }))).toEqual(['checkpoints[0].lat']);
    expect(pathsOf(valid({ checkpoints: [{ name: 'X', lat: 6.1, lon: 31.5, radiusM: 20 }] }))).toEqual(['checkpoints[0].radiusM']);
    expect(pathsOf(valid({ checkpoints: [{ name: 'X', lat: 6.1, lon: 31.5, dueAt: start + 5 * H }] }))).toEqual(['checkpoints[0].dueAt']);
    expect(pathsOf(valid({ returnTo: { lat: 6.2, lon: 40 } }))).toEqual(['returnTo.lon']);
    expect(pathsOf({ ...valid(), unitId: 'has spaces' })).toEqual(['unitId']);
  });

  it('says in words where a point must lie', () => {
    const result = NewPatrolOrder.safeParse(valid({ checkpoints: [{ name: 'X', lat: 200, lon: 31.5 }] }));
    expect(result.success).toBe(false);
    if (!result.success) expect(issuesFrom(result.error)[0]?.message).toMatch(/latitude must be between 3\.209 and 12\.548/);
  });
});

it('counts reached and missed checkpoints, a late one in both', () => {
  const c = { lat: 6, lon: 31, radiusM: 300, dueAt: null };
  expect(
    checkpointCounts({
      checkpoints: [
        { ...c, idx: 0, name: 'A', reachedAt: 1, missedAt: null },
        { ...c, idx: 1, name: 'B', reachedAt: 3, missedAt: 2 },
        { ...c, idx: 2, name: 'C', reachedAt: null, missedAt: 2 },
        { ...c, idx: 3, name: 'D', reachedAt: null, missedAt: null },
      ],
    }),
  ).toEqual({ reached: 2, missed: 2, total: 4 });
});
