import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticks: number | undefined;

/** Clock ticks per second of /proc's CPU times (CLK_TCK, nearly always 100). */
function clockTicks(): number {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

/**
 * CPU seconds (user + system, every thread) a process has used so far, read from
 * /proc/<pid>/stat, so that another process's use is measured without its help. Linux only.
 */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`cannot read the CPU times of process ${pid} from /proc`);
  return (utime + stime) / clockTicks();
}

/** Resident memory of a process, bytes (VmRSS in /proc/<pid>/status). */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match?.[1] ? Number(match[1]) * 1024 : 0;
}

/** A CPU meter over a window: % of one core between `start()` and `read()`. */
export class CpuMeter {
  private cpu0 = 0;
  private wall0 = 0;

  constructor(private readonly pid: number) {}

  start(): void {
    this.cpu0 = cpuSecondsOf(this.pid);
    this.wall0 = performance.now();
  }

  /** % of one core used since start(), and the CPU seconds behind it. */
  read(): { percentOfCore: number; cpuSeconds: number; wallSeconds: number } {
    const cpuSeconds = cpuSecondsOf(this.pid) - this.cpu0;
    const wallSeconds = (performance.now() - this.wall0) / 1000;
    return { percentOfCore: (cpuSeconds / wallSeconds) * 100, cpuSeconds, wallSeconds };
  }
}
