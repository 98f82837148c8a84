import { fork, type ChildProcess } from 'node:child_process';

/**
 * Typed request/answer calls between the benchmark and the processes it starts (the platform, the
 * bot fleet), over Node's IPC channel. Each side of the benchmark runs in its own process so that
 * its CPU and memory can be read apart and no event loop slows another's timing.
 */
export type RpcApi = Record<string, (arg: never) => Promise<unknown>>;

interface RpcRequest {
  id: number;
  method: string;
  arg: unknown;
}
type RpcResult = { ok: true; value: unknown } | { ok: false; error: string };
type RpcAnswer = RpcResult & { id: number };

/** In a child process: answers the parent's calls with `api`; ends the process if the parent goes. */
export function serveRpc(api: RpcApi, onParentGone: () => Promise<void>): void {
  process.on('message', (message: RpcRequest) => {
    const method = api[message.method];
    const answer = (result: RpcResult) => process.send?.({ id: message.id, ...result });
    if (!method) {
      answer({ ok: false, error: `no method ${message.method}` });
      return;
    }
    method(message.arg as never).then(
      (value) => answer({ ok: true, value }),
      (error: unknown) => answer({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
  process.on('disconnect', () => {
    onParentGone().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

/** The parent's handle on a child serving `Api`. */
export class RpcChild<Api extends RpcApi> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (answer: RpcAnswer) => {
      const call = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (answer.ok) call?.resolve(answer.value);
      else call?.reject(new Error(answer.error));
    });
    child.on('exit', (code, signal) => {
      for (const call of this.pending.values()) call.reject(new Error(`child exited (${code ?? signal})`));
      this.pending.clear();
    });
  }

  /** Runs a TypeScript module (through tsx) as a child process with an IPC channel. */
  static start<Api extends RpcApi>(modulePath: string, env: NodeJS.ProcessEnv = process.env): RpcChild<Api> {
    const child = fork(modulePath, [], {
      execArgv: ['--import', import.meta.resolve('tsx')],
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new RpcChild<Api>(child);
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('child process did not start');
    return this.child.pid;
  }

  call<M extends keyof Api & string>(method: M, ...args: Parameters<Api[M]>): ReturnType<Api[M]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (!this.child.connected) {
        reject(new Error(`child process gone: cannot call ${method}`));
        return;
      }
      this.pending.set(id, { resolve, reject });
      // A channel that closes meanwhile fails this one call, not the benchmark's process.
      this.child.send({ id, method, arg: args[0] } satisfies RpcRequest, (error) => {
        if (!error) return;
        this.pending.delete(id);
        reject(error);
      });
    }) as ReturnType<Api[M]>;
  }

  /** Disconnects (the child cleans up and exits), then kills it if it has not within `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (this.child.connected) this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}
