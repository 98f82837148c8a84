import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times. */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** User plus system CPU time a process has used so far, in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Resident memory of a process in MiB. */
export function rssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

/** CPU used by each process between now and `stop()`, in percent of one core. */
export function startCpuWindow(pids: number[]): { stop(): number[] } {
  const startedAt = performance.now();
  const before = pids.map(cpuSeconds);
  return {
    stop: () => {
      const seconds = (performance.now() - startedAt) / 1000;
      return pids.map((pid, i) => ((cpuSeconds(pid) - before[i]!) / seconds) * 100);
    },
  };
}

/**
 * Datagrams the kernel dropped because a UDP socket's receive buffer was full, machine-wide since
 * boot. Loss the bots count while this grows is the harness's own, not the SFU's.
 */
export function udpReceiveBufferErrors(): number {
  const [names, values] = readFileSync('/proc/net/snmp', 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('Udp:'))
    .map((line) => line.split(/\s+/));
  const index = names?.indexOf('RcvbufErrors') ?? -1;
  if (index < 0 || !values?.[index]) throw new Error('no Udp RcvbufErrors in /proc/net/snmp');
  return Number(values[index]);
}
