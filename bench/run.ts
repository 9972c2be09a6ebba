import { feedBytes } from './feed-bytes.js';
import { rulesBench } from './rules.js';

// `npm run bench`: each benchmark prints its parameters and a table with its baseline beside it.
const kb = (bytes: number, seconds: number) => `${(bytes / seconds / 1024).toFixed(1)} KiB/s`;

async function main(): Promise<void> {
  console.log(`Machine: ${process.platform} ${process.arch}, Node ${process.version}\n`);
  const r = await feedBytes(2000, 60, 500);
  console.log(`Feed bytes to one screen: ${r.units} simulated units reporting once a second for ${r.seconds} s, tick ${r.tickMs} ms`);
  console.table([
    { feed: 'baseline: one keyed JSON message per report', 'bytes/s per screen': kb(r.baselineBytes, r.seconds), 'vs baseline': '1.0×' },
    {
      feed: 'compact delta per tick (rows of numbers)',
      'bytes/s per screen': kb(r.compactBytes, r.seconds),
      'vs baseline': `${(r.baselineBytes / r.compactBytes).toFixed(1)}× fewer`,
    },
  ]);
  console.log('');
  await rulesBench();
}

await main();
