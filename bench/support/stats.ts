/** A latency histogram in whole milliseconds, merged from several processes. */
export class Histogram {
  private readonly counts = new Map<number, number>();
  total = 0;

  add(entries: readonly (readonly [number, number])[]): void {
    for (const [ms, n] of entries) {
      this.counts.set(ms, (this.counts.get(ms) ?? 0) + n);
      this.total += n;
    }
  }

  /** The value at quantile q (0–1): the smallest ms with at least q of the samples at or below it. */
  quantile(q: number): number {
    if (this.total === 0) return NaN;
    const wanted = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (const ms of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(ms) ?? 0;
      if (seen >= wanted) return ms;
    }
    return NaN;
  }

  max(): number {
    return this.total === 0 ? NaN : Math.max(...this.counts.keys());
  }
}

/** Quantile of plain samples (nearest rank). */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

export const median = (samples: readonly number[]) => quantile(samples, 0.5);

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A whole number with thousands separators. */
export const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '—');

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Reads a positive number from the environment, or the default; a bad value stops the run and names it. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}=${JSON.stringify(raw)}: expected a positive number`);
  return n;
}

/** BENCH_QUICK=1 (or on/true): the small variant of every benchmark, for a loaded machine or a quick look. */
export function quick(): boolean {
  return ['1', 'on', 'true'].includes(process.env.BENCH_QUICK ?? '');
}
