import { readFileSync } from 'node:fs';
import os from 'node:os';

/** What a benchmark ran on, for the results table: figures mean little without it. */
export function describeMachine(): string {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) cpu = match[1]!.trim();
  } catch {
    // Not Linux: os.cpus() is good enough.
  }
  const memoryGiB = Math.round(os.totalmem() / 1024 ** 3);
  // Other work on the machine skews every figure; the load average says how much there was.
  const load = os.loadavg()[0]!.toFixed(1);
  return `${os.availableParallelism()} cores (nproc), ${memoryGiB} GiB RAM, ${cpu}, Node ${process.version}, ${os.platform()} ${os.release()}; load average ${load} when the run started`;
}

export function today(): string {
  return new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}
