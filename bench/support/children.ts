import type { ChildProcess } from 'node:child_process';

/**
 * Every process a benchmark starts is listed here and ended by its own id when the benchmark
 * process exits, however it exits (a failure, Ctrl-C), so no server or client is left running.
 */
const running = new Set<ChildProcess>();
let hooked = false;

function endAll(signal: NodeJS.Signals): void {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(child.pid, signal);
      } catch {
        // already gone
      }
    }
  }
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => endAll('SIGKILL'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      endAll('SIGTERM');
      process.exit(130);
    });
  }
}

/** Follows a started process until it exits. */
export function track<C extends ChildProcess>(child: C): C {
  hook();
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/** Asks a process to stop (SIGTERM), and kills it if it has not gone within `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const gone = await Promise.race([exited(child).then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), graceMs)))]);
  clearTimeout(timer);
  if (!gone) {
    child.kill('SIGKILL');
    await exited(child);
  }
}
