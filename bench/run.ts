import { clientBench } from './client.js';
import { fanoutBench } from './fanout.js';
import { feedBytes } from './feed-bytes.js';
import { firstLoadBench } from './first-load.js';
import { rulesBench } from './rules.js';
import { soakBench } from './soak.js';
import { storeBench } from './store.js';
import { describeMachine } from './support/machine.js';
import { quick } from './support/stats.js';

// `npm run bench`: each benchmark prints its parameters and a table with its baseline beside it.
// `npm run bench -- fanout store` runs only those; BENCH_QUICK=1 runs the small variants.
const kb = (bytes: number, seconds: number) => `${(bytes / seconds / 1024).toFixed(1)} KiB/s`;

async function feedBytesBench(): Promise<void> {
  const r = await feedBytes(2000, 60, 500);
  console.log(`Feed bytes to one screen: ${r.units} simulated units reporting once a second for ${r.seconds} s, tick ${r.tickMs} ms`);
  console.table([
    { feed: 'baseline: one keyed JSON message per report', 'bytes/s per screen': kb(r.baselineBytes, r.seconds), 'vs baseline': '1.0×' },
    {
      feed: 'compact delta per tick (packed 30-byte rows)',
      'bytes/s per screen': kb(r.compactBytes, r.seconds),
      'vs baseline': `${(r.baselineBytes / r.compactBytes).toFixed(1)}× fewer`,
    },
  ]);
}

const BENCHES: Record<string, () => Promise<unknown>> = {
  'feed-bytes': feedBytesBench,
  rules: rulesBench,
  fanout: () => fanoutBench(),
  client: () => clientBench(),
  'first-load': () => firstLoadBench(),
  store: () => storeBench(),
};

/** Run only when asked by name (`npm run bench -- soak`): half an hour by default. */
const ON_REQUEST: Record<string, () => Promise<unknown>> = {
  soak: () => soakBench(),
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in BENCHES) && !(name in ON_REQUEST));
  if (unknown.length > 0) {
    console.error(`No benchmark named ${unknown.map((n) => `"${n}"`).join(', ')}; there are: ${[...Object.keys(BENCHES), ...Object.keys(ON_REQUEST)].join(', ')}.`);
    process.exit(2);
  }
  const names = asked.length > 0 ? asked : Object.keys(BENCHES);
  console.log(`Machine: ${describeMachine()}`);
  console.log(`Variant: ${quick() ? 'quick (BENCH_QUICK=1)' : 'full'}\n`);
  const failed: string[] = [];
  for (const name of names) {
    const bench = BENCHES[name] ?? ON_REQUEST[name];
    if (!bench) continue;
    const started = performance.now();
    try {
      await bench();
    } catch (err) {
      failed.push(name);
      console.error(`\nThe ${name} benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
    console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  if (failed.length > 0) {
    console.error(`Failed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
// Nothing a benchmark started is waited for any longer (a pool's idle connection, a timer).
process.exit();
