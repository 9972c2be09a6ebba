import { describe, expect, it } from 'vitest';
import type { DraftCheckpoint } from './draft.js';
import { EMPTY_DRAFT, withCheckpoint, withCheckpointChange, withoutCheckpoint } from './draft.js';
import { buildOrder, checkpointIssue, type PatrolFormValues } from './orderInput.js';

const cp = (over: Partial<DraftCheckpoint> = {}): DraftCheckpoint => ({ key: 1, name: 'Pariak', lat: 6.07, lon: 31.55, radiusM: '300', due: '', ...over });
const form = (over: Partial<PatrolFormValues> = {}): PatrolFormValues => ({
  unitId: 'bor-fpu-2',
  title: 'Bor south',
  start: '2027-02-15 08:00',
  end: '2027-02-15 12:00',
  returnTo: '',
  checkpoints: [cp()],
  ...over,
});

describe('buildOrder', () => {
  it('turns the form into an order, Juba times into UTC, a due time of day into the window', () => {
    const built = buildOrder(form({ checkpoints: [cp({ due: '09:30', radiusM: '500' }), cp({ key: 2, name: ' Anyidi ', lat: 6.27, lon: 31.71 })] }));
    expect(built).toEqual({
      ok: true,
      order: {
        unitId: 'bor-fpu-2',
        title: 'Bor south',
        startsAt: Date.UTC(2027, 1, 15, 6, 0),
        endsAt: Date.UTC(2027, 1, 15, 10, 0),
        checkpoints: [
          { name: 'Pariak', lat: 6.07, lon: 31.55, radiusM: 500, dueAt: Date.UTC(2027, 1, 15, 7, 30) },
          { name: 'Anyidi', lat: 6.27, lon: 31.71, radiusM: 300 },
        ],
      },
    });
  });

  it('takes a typed return point, MGRS or degrees', () => {
    const built = buildOrder(form({ returnTo: '6.21, 31.56' }));
    expect(built.ok && built.order.returnTo).toEqual({ name: 'Return point', lat: 6.21, lon: 31.56 });
  });

  it('says what is wrong, field by field and checkpoint by checkpoint', () => {
    const built = buildOrder(
      form({
        unitId: '',
        end: '2027-02-15 07:00',
        returnTo: 'somewhere',
        checkpoints: [cp({ radiusM: '20' }), cp({ key: 2, due: '13:00' }), cp({ key: 3, due: 'soon' }), cp({ key: 4, name: '  ' })],
      }),
    );
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.problems.unitId).toBe('Choose the unit to send.');
    expect(built.problems.end).toBe('The return-by time must be after the start.');
    expect(built.problems.returnTo).toMatch(/neither a grid reference/);
    expect(built.problems.checkpoint).toEqual({
      1: 'The radius is a whole number of metres, 50 to 5000.',
      2: 'Due 13:00 falls after the return-by time.',
      3: 'Type the due time as HH:MM, Juba time.',
      4: 'Give the checkpoint a name.',
    });
  });

  it('asks for a checkpoint when there is none', () => {
    const built = buildOrder(form({ checkpoints: [] }));
    expect(!built.ok && built.problems.checkpoints).toMatch(/at least one checkpoint/);
  });
});

it('reads which checkpoint a server issue is about', () => {
  expect(checkpointIssue('checkpoints[2].dueAt')).toEqual({ index: 2, field: 'dueAt' });
  expect(checkpointIssue('checkpoints[0]')).toEqual({ index: 0, field: '' });
  expect(checkpointIssue('endsAt')).toBeNull();
});

describe('the draft', () => {
  it('names checkpoints CP 1, CP 2 … as they are clicked, and edits and removes them by key', () => {
    let d = withCheckpoint(EMPTY_DRAFT, { lat: 6.07, lon: 31.55 });
    d = withCheckpoint(d, { lat: 6.27, lon: 31.71 });
    d = withCheckpoint(d, { lat: 6.3, lon: 31.6 }, 'Malek');
    expect(d.checkpoints.map((c) => [c.key, c.name, c.radiusM])).toEqual([
      [1, 'CP 1', '300'],
      [2, 'CP 2', '300'],
      [3, 'Malek', '300'],
    ]);
    d = withCheckpointChange(withoutCheckpoint(d, 2), 3, { due: '10:00' });
    expect(d.checkpoints.map((c) => [c.key, c.due])).toEqual([
      [1, ''],
      [3, '10:00'],
    ]);
  });

  it('stops adding at thirty checkpoints', () => {
    let d = { ...EMPTY_DRAFT, placing: true };
    for (let i = 0; i < 31; i += 1) d = withCheckpoint(d, { lat: 6 + i / 100, lon: 31.5 });
    expect(d.checkpoints).toHaveLength(30);
    expect(d.placing).toBe(false);
  });
});
