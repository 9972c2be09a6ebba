/**
 * Loaded into a benchmark's server process (`node --import tsx --import ./bench/support/memory-report.ts`)
 * so a long run can ask the server for its own heap: V8's figures are not in /proc. Answers
 * `{ type: 'memory' }` on the IPC channel with process.memoryUsage(), after a full collection when
 * the process runs with --expose-gc, so the figure is what the server really holds on to. The
 * channel does not keep the server running, and the server itself is unchanged.
 */
interface MemoryAnswer {
  type: 'memory';
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** whether a full collection ran first */
  collected: boolean;
}

if (process.send) {
  process.on('message', (raw: unknown) => {
    if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== 'memory') return;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const m = process.memoryUsage();
    const answer: MemoryAnswer = { type: 'memory', rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, collected: gc !== undefined };
    process.send?.(answer);
  });
  // After the listener, which would hold the channel open again.
  process.channel?.unref();
}
