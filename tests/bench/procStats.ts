import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

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

/** Every living process whose chain of parents leads to `root` (not `root` itself), with its name. */
export function descendants(root: number): Array<{ pid: number; name: string }> {
  const parents = new Map<number, { ppid: number; name: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      // ppid is field 4 of the whole line, the second after the name.
      parents.set(Number(entry), { ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]), name });
    } catch {
      // The process ended while /proc was read.
    }
  }
  const leadsToRoot = (pid: number): boolean => {
    for (let p = parents.get(pid)?.ppid; p !== undefined && p > 1; p = parents.get(p)?.ppid) if (p === root) return true;
    return false;
  };
  return [...parents].filter(([pid]) => leadsToRoot(pid)).map(([pid, { name }]) => ({ pid, name }));
}

/**
 * The whole machine's CPU between now and `stop()`, in percent of one core (2 cores: up to 200):
 * busy (everything but idle and I/O wait) and, of that, softirq, where the kernel handles the
 * datagrams of every socket. What the bench's processes use leaves the rest to the kernel.
 */
export function startMachineCpuWindow(): { stop(): { busyPct: number; softirqPct: number } } {
  const read = () => {
    // cpu user nice system idle iowait irq softirq steal …, in clock ticks.
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1, 9).map(Number);
    return { at: performance.now(), busy: ticks.reduce((a, b) => a + b, 0) - ticks[3]! - ticks[4]!, softirq: ticks[6]! };
  };
  const before = read();
  return {
    stop: () => {
      const after = read();
      const pct = (ticksUsed: number) => (ticksUsed / CLOCK_TICKS / ((after.at - before.at) / 1000)) * 100;
      return { busyPct: pct(after.busy - before.busy), softirqPct: pct(after.softirq - before.softirq) };
    },
  };
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
 * boot. Whose sockets they were says `udpDropsAt`.
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

/**
 * Datagrams dropped at the UDP sockets these processes hold (full receive buffer), since each
 * socket was opened: /proc/net/udp counts drops per socket, and a process's open sockets are the
 * `socket:[inode]` links among its file descriptors. Tells the SFU's drops (its process was not
 * reading fast enough) from the bots'.
 */
export function udpDropsAt(pids: number[]): number {
  const inodes = new Set<string>();
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // the process has ended
    }
    for (const fd of fds) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match) inodes.add(match[1]!);
      } catch {
        // closed while the list was read
      }
    }
  }
  // sl local rem st tx:rx tr:when retrnsmt uid timeout inode ref pointer drops
  return readFileSync('/proc/net/udp', 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 13 && inodes.has(fields[9]!))
    .reduce((sum, fields) => sum + Number(fields[12]), 0);
}

/**
 * A platform node's event loop as its own /metrics tells (prom-client's histogram, which each
 * scrape resets): the longest delay and the p99 since the previous scrape, in ms. Read once to
 * start a window, again to close it.
 */
export async function eventLoopDelay(nodeUrl: string): Promise<{ maxMs: number; p99Ms: number }> {
  const metrics = await (await fetch(`${nodeUrl}/metrics`)).text();
  const seconds = (name: string) => {
    const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics);
    if (!match) throw new Error(`${nodeUrl}/metrics has no ${name}`);
    return Number(match[1]);
  };
  return {
    maxMs: Math.round(seconds('nodejs_eventloop_lag_max_seconds') * 1000),
    p99Ms: Math.round(seconds('nodejs_eventloop_lag_p99_seconds') * 1000),
  };
}
