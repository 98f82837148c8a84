import { randomUUID } from 'node:crypto';
import type { Logger } from '../../logger.js';
import type { MeetingRouters } from '../meetingRouters.js';
import type { ms } from '../mediasoupModule.js';
import type { MediaAgent } from './mediaAgent.js';
import { NodeLink } from './nodeLink.js';
import { RemotePeerMedia, type RemotePeerEvents } from './remotePeerMedia.js';
import type { PlacementChoice, SitePlacement } from './sitePlacement.js';

/** What a node gives its meetings so they can span the cluster (absent on a node without Redis). */
export interface ClusterMedia {
  agent: MediaAgent;
  placement: SitePlacement;
}

/**
 * The nodes a hosted meeting spans: where each site's media go, and one link per other node.
 * Links open on the first site placed there and close with the meeting (or when that node is lost,
 * whose sites are then asked to rejoin and are placed again).
 */
export class MeetingCascade {
  private readonly links = new Map<string, Promise<NodeLink>>();
  private readonly openLinks = new Set<NodeLink>();
  /** Cameras of sites on other nodes, by producer: the link each came up. */
  private readonly cameras = new Map<string, NodeLink>();

  constructor(
    private readonly media: ClusterMedia,
    private readonly routers: MeetingRouters,
    private readonly meetingId: string,
    private readonly log: Logger,
  ) {}

  /**
   * Places a site's media on the least-loaded node, or answers `here` (with the function to call
   * once they are placed on this node). A node that fails to take it is skipped for a while.
   */
  async placeSite(
    participantKey: string,
    events: RemotePeerEvents,
  ): Promise<{ remote: RemotePeerMedia } | { here: PlacementChoice }> {
    const choice = await this.media.placement.choose();
    if (choice.nodeId === this.media.agent.nodeId) return { here: choice };
    try {
      const link = await this.link(choice.nodeId);
      const peerId = `${this.meetingId}/${participantKey}/${randomUUID().slice(0, 8)}`;
      return { remote: await RemotePeerMedia.open(link, peerId, events, this.log) };
    } catch (err) {
      this.log.warn({ err, node: choice.nodeId, participant: participantKey }, 'another node could not take the site; placing it here');
      this.media.placement.failed(choice.nodeId);
      return { here: this.media.placement.here() };
    }
  }

  close(): void {
    for (const link of this.links.values()) void link.then((l) => l.close('meeting closed'), () => undefined);
    this.links.clear();
  }

  private cameraUplinked(link: NodeLink, producer: ms.Producer): void {
    this.cameras.set(producer.id, link);
    const unwatch = this.media.agent.demand.watch(producer.id, () => this.updateCameraFlow(producer.id));
    producer.observer.once('close', () => {
      unwatch();
      this.cameras.delete(producer.id);
    });
  }

  /**
   * A site's camera crosses from its node only while someone receives it: a client or the
   * recorder on this node, or a site on a third node (the track then goes down that node's link).
   */
  private updateCameraFlow(producerId: string): void {
    const from = this.cameras.get(producerId);
    if (!from) return;
    const wanted =
      this.media.agent.demand.wanted(producerId) || [...this.openLinks].some((link) => link !== from && link.farWants(producerId));
    from.setUplinkFlowing(producerId, wanted);
  }

  private link(node: string): Promise<NodeLink> {
    let link = this.links.get(node);
    if (!link) {
      const events = {
        cameraUplinked: (from: NodeLink, producer: ms.Producer) => this.cameraUplinked(from, producer),
        farDemandChanged: (producerId: string) => this.updateCameraFlow(producerId),
      };
      link = this.routers
        .place()
        .then((gateway) => NodeLink.open(this.media.agent, node, this.meetingId, gateway, events, this.log));
      this.links.set(node, link);
      const opening = link;
      opening.then(
        (l) => {
          this.openLinks.add(l);
          l.onClose(() => {
            this.openLinks.delete(l);
            if (this.links.get(node) === opening) this.links.delete(node);
          });
        },
        () => this.links.delete(node),
      );
    }
    return link;
  }
}
