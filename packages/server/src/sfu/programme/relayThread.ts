import { parentPort, workerData } from 'node:worker_threads';
import { ProgrammeRelay, type LaneSpec, type RelayPorts } from './programmeRelay.js';

/** From the meeting (main thread) to its relay thread. */
export type RelayCommand =
  | { kind: 'route'; output: string; layer: number; sourceSsrc: number | null; generation: number }
  | { kind: 'close' };

/** From the relay thread back. */
export type RelayReport =
  | { kind: 'opened'; ports: RelayPorts }
  | { kind: 'switched'; output: string; layer: number; generation: number };

export interface RelayThreadData {
  lanes: LaneSpec[];
  mediasoup: RelayPorts;
}

/**
 * The programme relay in a thread of its own: the programme reaches every room through it, so a
 * busy main thread (a join storm, a large import, a garbage collection) must not hold its packets.
 */
const port = parentPort!;
const { lanes, mediasoup } = workerData as RelayThreadData;
const post = (report: RelayReport) => port.postMessage(report);
const relay = await ProgrammeRelay.open(lanes, mediasoup, {
  switched: (output, layer, generation) => post({ kind: 'switched', output, layer, generation }),
});
port.on('message', (command: RelayCommand) => {
  if (command.kind === 'route') relay.route(command.output, command.layer, command.sourceSsrc, command.generation);
  else {
    relay.close();
    port.close();
  }
});
post({ kind: 'opened', ports: relay.ports });
