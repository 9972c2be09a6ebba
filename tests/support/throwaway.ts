import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether a process with this PID is running. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Temporary folders of throwaway database servers (named `prefix…`, each with an `owner.pid`
 * whose first number is the test run's PID) that a run killed outright left behind: `stop` ends
 * the server the folder holds, then the folder is removed. A folder whose run is alive is left.
 */
export function reapAbandoned(prefix: string, stop: (dir: string, ownerFile: string) => void): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(prefix)) continue;
    const dir = join(tmpdir(), name);
    try {
      const ownerFile = readFileSync(join(dir, 'owner.pid'), 'utf8');
      const owner = Number(ownerFile.split(' ')[0]);
      if (alive(owner)) continue;
      stop(dir, ownerFile);
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // not ours, or already gone
    }
  }
}
