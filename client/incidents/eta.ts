/** A rough arrival time as people say it: "~25 min", "~8 h 15 min". */
export function etaText(etaMinutes: number): string {
  const m = Math.max(1, Math.round(etaMinutes));
  if (m < 90) return `~${m} min`;
  const h = Math.floor(m / 60);
  const rest = Math.round((m - h * 60) / 5) * 5;
  return rest === 0 || rest === 60 ? `~${rest === 60 ? h + 1 : h} h` : `~${h} h ${rest} min`;
}
