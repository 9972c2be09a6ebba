import { z } from 'zod';
import { KeyedUnit, UnitsSnapshot } from '../../shared/feed.js';

/** A snapshot whose units are checked one by one. */
const Envelope = UnitsSnapshot.extend({ units: z.array(z.unknown()) });

export interface ParsedUnitsMessage {
  seq: number;
  time: number;
  units: KeyedUnit[];
  /** units left out because they broke the contract, with the first reason */
  rejected: number;
  firstProblem: string | null;
}

/**
 * Parses a feed message with the shared schemas, unit by unit: one malformed unit is dropped
 * and reported rather than blinding the whole screen. Returns an error when the envelope
 * itself (seq, time, the units array) is unreadable.
 */
export function parseUnitsMessage(raw: unknown): ParsedUnitsMessage | { error: string } {
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) return { error: z.prettifyError(envelope.error) };
  const units: KeyedUnit[] = [];
  let rejected = 0;
  let firstProblem: string | null = null;
  for (const candidate of envelope.data.units) {
    const unit = KeyedUnit.safeParse(candidate);
    if (unit.success) {
      units.push(unit.data);
      continue;
    }
    rejected += 1;
    if (firstProblem === null) {
      const id = typeof candidate === 'object' && candidate !== null && 'id' in candidate ? String(candidate.id) : '?';
      firstProblem = `unit ${id}: ${z.prettifyError(unit.error)}`;
    }
  }
  return { seq: envelope.data.seq, time: envelope.data.time, units, rejected, firstProblem };
}
