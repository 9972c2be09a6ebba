import { dueAfter, fromJubaInput } from '../patrols/jubaInput.js';

const DAY = 24 * 3600_000;

/**
 * The moment a person typed into "Go to", in Juba time: "14:05" is the last time Juba clocks
 * read 14:05 (today, or yesterday if that is still to come); "2027-03-10 14:05" is that day.
 * Null when it is neither.
 * @example goToMoment('14:05', Date.UTC(2027, 2, 10, 13, 0)) === Date.UTC(2027, 2, 10, 12, 5)
 */
export function goToMoment(text: string, now: number): number | null {
  const dated = fromJubaInput(text);
  if (dated !== null) return dated;
  const next = dueAfter(text, now - DAY);
  if (next === null) return null;
  return next > now ? next - DAY : next;
}
