import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

/** The machine a benchmark ran on, in one line: CPU model, cores, memory, Node, load, date. */
export function describeMachine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() || 'unknown CPU';
  const ram = `${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM`;
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  let kernel = '';
  try {
    kernel = execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim();
  } catch {
    kernel = `${process.platform} ${process.arch}`;
  }
  return (
    `${model}, ${cores.length} cores, ${ram}; ${kernel}; Node ${process.version}; ` +
    `load average ${load} (1/5/15 min) at ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`
  );
}

/** The load average now, for a note beside a result measured on a shared machine. */
export function loadNow(): string {
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
}
