import { Gauge, type Registry } from 'prom-client';

/** What runs on this node now (LiveMeetings.census). */
export interface LiveCensus {
  meetings: number;
  participants: number;
  sites: number;
  /** Sites of meetings hosted on other nodes whose media run here. */
  remoteSites: number;
  /** Cameras of this node's meetings' sites placed on other nodes: crossing here, or held back. */
  camerasFlowing: number;
  camerasHeld: number;
}

const CENSUS_GAUGES = {
  meetings: ['pm_meetings_live', 'Meetings open on this node'],
  participants: ['pm_meeting_participants', 'Meeting participants (sites, chair, operators) connected to this node'],
  sites: ['pm_meeting_sites_joined', 'Meeting rooms (sites) joined to a meeting hosted on this node'],
  remoteSites: ['pm_cascade_remote_sites', 'Sites of meetings hosted on another node whose media run on this node'],
  camerasFlowing: ['pm_cascade_cameras_flowing', 'Cameras of sites on other nodes crossing to this host (programme, wall, recorder)'],
  camerasHeld: ['pm_cascade_cameras_held', 'Cameras of sites on other nodes held back there: nobody on this host receives them'],
} as const satisfies Record<keyof LiveCensus, readonly [string, string]>;

/** The meetings on this node and whether it drains, read when Prometheus scrapes. */
export function registerMeetingMetrics(registry: Registry, census: () => Promise<LiveCensus>, draining: () => boolean): void {
  for (const [key, [name, help]] of Object.entries(CENSUS_GAUGES) as Array<[keyof LiveCensus, readonly [string, string]]>) {
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.set((await census())[key]);
      },
    });
  }
  new Gauge({
    name: 'pm_node_draining',
    help: '1 while this node is drained (refuses joins, /healthz answers 503)',
    registers: [registry],
    collect() {
      this.set(draining() ? 1 : 0);
    },
  });
}
