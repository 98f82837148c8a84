import type { NodeInfo } from '../../cluster/nodeRegistry.js';

/** A node that could not take a site is left out of placement this long. */
const FAILED_NODE_PAUSE_MS = 15_000;

export interface SitePlacementOptions {
  selfId: string;
  /** The nodes alive now (from the registry: load as of each node's last heartbeat). */
  liveNodes(): Promise<NodeInfo[]>;
  /** This node's clients now (exact: no heartbeat delay). */
  localLoad(): number;
  localWorkers: number;
  /** False for a node this one found dead, whose registry entry has not expired yet. */
  usable(nodeId: string): boolean;
}

/** Where a site's media go; a site kept here is counted until its media exist (`settle`). */
export interface PlacementChoice {
  nodeId: string;
  settle(): void;
}

/**
 * Chooses the node for a site's media: the one with the fewest clients per worker. A node's load
 * in the registry is as old as its last heartbeat, so the sites this node sent there since are
 * added, and sites being placed here count before their media exist; otherwise a burst of joins
 * would all go to the node that looked emptiest when it began.
 */
export class SitePlacement {
  private readonly sentSince = new Map<string, number[]>();
  private readonly failedAt = new Map<string, number>();
  private placingHere = 0;

  constructor(private readonly options: SitePlacementOptions) {}

  async choose(now = Date.now()): Promise<PlacementChoice> {
    const { selfId } = this.options;
    let nodes: NodeInfo[];
    try {
      nodes = await this.options.liveNodes();
    } catch {
      return this.here();
    }
    let best = selfId;
    let bestLoad = (this.options.localLoad() + this.placingHere) / this.options.localWorkers;
    for (const node of nodes) {
      if (node.nodeId === selfId || node.draining || !this.options.usable(node.nodeId)) continue;
      if (now - (this.failedAt.get(node.nodeId) ?? -Infinity) < FAILED_NODE_PAUSE_MS) continue;
      const sent = (this.sentSince.get(node.nodeId) ?? []).filter((at) => at >= node.heartbeatAt);
      this.sentSince.set(node.nodeId, sent);
      const load = (node.load + sent.length) / Math.max(1, node.workers);
      if (load < bestLoad) {
        best = node.nodeId;
        bestLoad = load;
      }
    }
    if (best === selfId) return this.here();
    this.sentSince.get(best)!.push(now);
    return { nodeId: best, settle: () => undefined };
  }

  /** A site kept on this node: counted until its media are placed (or placing failed). */
  here(): PlacementChoice {
    this.placingHere++;
    let settled = false;
    return {
      nodeId: this.options.selfId,
      settle: () => {
        if (settled) return;
        settled = true;
        this.placingHere--;
      },
    };
  }

  /** The node could not take a site: leave it out for a while. */
  failed(nodeId: string, now = Date.now()): void {
    this.failedAt.set(nodeId, now);
  }
}
