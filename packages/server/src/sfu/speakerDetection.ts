import type { Logger } from '../logger.js';
import type { ms } from './mediasoupModule.js';

interface Loudest {
  siteId: string | null;
  volume: number;
}

/**
 * Marks who is talking. Each microphone is observed on the router it was produced on (one
 * AudioLevelObserver per router of the meeting); the loudest voice across routers is the active
 * speaker, and `onChange` hears only real changes, so the screens are not flooded.
 */
export class SpeakerDetection {
  private readonly observers = new Map<ms.Router, Promise<ms.AudioLevelObserver>>();
  private readonly loudestByRouter = new Map<ms.Router, Loudest>();
  private readonly siteOf = new Map<string, string | null>();
  private current: string | null | undefined;

  constructor(
    private readonly onChange: (siteId: string | null) => void,
    private readonly log: Logger,
  ) {}

  async add(router: ms.Router, producer: ms.Producer, siteId: string | null): Promise<void> {
    this.siteOf.set(producer.id, siteId);
    producer.observer.once('close', () => this.siteOf.delete(producer.id));
    try {
      const observer = await this.observerOn(router);
      await observer.addProducer({ producerId: producer.id });
    } catch (err) {
      this.log.warn({ err, producer: producer.id }, 'could not observe audio level');
    }
  }

  private observerOn(router: ms.Router): Promise<ms.AudioLevelObserver> {
    let observer = this.observers.get(router);
    if (!observer) {
      // -60 dBov ignores room hum; 800 ms is quick enough for a marker and cheap for the worker.
      observer = router.createAudioLevelObserver({ maxEntries: 1, threshold: -60, interval: 800 });
      this.observers.set(router, observer);
      // A failed observer is forgotten (the next producer tries again); `add` reports the failure.
      observer.then(
        (o) => this.listen(router, o),
        () => this.observers.delete(router),
      );
    }
    return observer;
  }

  private listen(router: ms.Router, observer: ms.AudioLevelObserver): void {
    observer.on('volumes', (volumes) => {
      const [top] = volumes;
      if (top) this.report(router, { siteId: this.siteOf.get(top.producer.id) ?? null, volume: top.volume });
    });
    observer.on('silence', () => this.report(router, undefined));
    router.observer.once('close', () => {
      this.observers.delete(router);
      this.report(router, undefined);
    });
  }

  private report(router: ms.Router, loudest: Loudest | undefined): void {
    if (loudest) this.loudestByRouter.set(router, loudest);
    else this.loudestByRouter.delete(router);
    let best: Loudest | undefined;
    for (const candidate of this.loudestByRouter.values()) {
      if (!best || candidate.volume > best.volume) best = candidate;
    }
    const speaker = best ? best.siteId : null;
    if (speaker !== this.current) {
      this.current = speaker;
      this.onChange(speaker);
    }
  }
}
