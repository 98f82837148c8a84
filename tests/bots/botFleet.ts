import { captionAt, currentProgrammeVideo, currentSource } from './botStats.ts';
import type { SiteAccount } from '../support/meetingFixture.ts';
import { SiteBot, type SiteBotStats } from './siteBot.ts';

/**
 * Bot sites of one test, started one after another as rooms arrive (each is placed by the load
 * of those before it; all at once is the benchmark's join storm), with the readings tests share.
 */
export class BotFleet {
  readonly bots: SiteBot[] = [];
  /** Problems the bots lived through (a consumer they could not build, a failed rejoin). */
  readonly warnings: string[] = [];

  static async start(
    baseUrl: string,
    meetingId: string,
    accounts: SiteAccount[],
    sourceOfSize?: (width: number, height: number) => string,
  ): Promise<BotFleet> {
    const fleet = new BotFleet();
    for (const account of accounts) {
      fleet.bots.push(
        await SiteBot.start({
          baseUrl,
          meetingId,
          ...account,
          sourceOfSize,
          onWarning: (message, error) => fleet.warnings.push(`${message}: ${String(error)}`),
        }),
      );
    }
    return fleet;
  }

  get size(): number {
    return this.bots.length;
  }

  stats(): SiteBotStats[] {
    return this.bots.map((bot) => bot.stats());
  }

  /** How many bots' programme video now carries `siteId`'s camera (null: the chair's), by the caption, and keeps arriving. */
  receiving(siteId: string | null): Promise<number> {
    return this.countStillReceiving((stats) => captionAt(stats, Infinity) === siteId);
  }

  /** How many bots show `source`'s picture now (by its keyframes' size) and keep receiving it. */
  receivingSource(source: string): Promise<number> {
    return this.countStillReceiving((stats) => currentSource(stats) === source);
  }

  /** Bots that `shows` the wanted picture and received more programme video over half a second. */
  private async countStillReceiving(shows: (stats: SiteBotStats) => boolean): Promise<number> {
    const packets = (bot: SiteBot) => {
      const stats = bot.stats();
      return shows(stats) ? (currentProgrammeVideo(stats)?.counts.packets ?? 0) : 0;
    };
    const before = this.bots.map(packets);
    await new Promise((r) => setTimeout(r, 500));
    return this.bots.filter((bot, i) => packets(bot) > before[i]! && before[i]! > 0).length;
  }

  close(): void {
    for (const bot of this.bots) bot.close();
  }
}
