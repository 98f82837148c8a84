import dgram from 'node:dgram';

/** Linux's usual net.core.rmem_max: the most a process may ask for without privileges' sysctls. */
const RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;
let enlarged = false;

/**
 * Gives every UDP socket this process binds a 4 MiB receive buffer. A browser receives on its own
 * network thread; a bot process is one event loop serving hundreds of sockets, and a keyframe
 * fanned out to all of them at once overflows Linux's default 208 KiB before the loop reaches the
 * last socket. Those drops would be the harness's, not the SFU's, so they must not happen.
 * (werift binds its sockets itself, hence the prototype.)
 */
export function enlargeUdpReceiveBuffers(): void {
  if (enlarged) return;
  enlarged = true;
  const bind = dgram.Socket.prototype.bind;
  dgram.Socket.prototype.bind = function (this: dgram.Socket, ...args: unknown[]) {
    this.once('listening', () => this.setRecvBufferSize(RECEIVE_BUFFER_BYTES));
    return (bind as (...a: unknown[]) => dgram.Socket).apply(this, args);
  } as typeof bind;
}
