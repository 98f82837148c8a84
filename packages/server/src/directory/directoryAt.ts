/**
 * The directory as it was on a given day: the names units bore then, and the names and units of
 * meeting rooms then. Minutes, attendance and their exports are official records and never change
 * after the fact, so a meeting before a merger or a renaming shows the names of its day.
 *
 * A history row holds what was true until a day (`until`, the day the change took effect); the
 * earliest row whose `until` is after the day asked about is what was true that day, and with none
 * the current row is.
 */
import type { PrismaClient } from '../db/prismaClient.js';
import { dayAsDate, provinceDay } from '../util/provinceCalendar.js';
import type { GroupedUnit } from './siteGroup.js';
import { type TreeUnit, UnitTree } from './unitTree.js';

export interface SiteThen {
  name: string;
  unitId: string;
}

export class DirectoryAt {
  private constructor(
    private readonly tree: UnitTree,
    private readonly unitNames: Map<string, string>,
    private readonly sites: Map<string, SiteThen>,
  ) {}

  /** The directory on the province's calendar day of `instant`. */
  static async load(prisma: PrismaClient, instant: Date): Promise<DirectoryAt> {
    const after = dayAsDate(provinceDay(instant));
    const [tree, unitRows, siteRows] = await Promise.all([
      UnitTree.load(prisma),
      prisma.unitNameHistory.findMany({ where: { until: { gt: after } }, orderBy: { until: 'desc' } }),
      prisma.siteHistory.findMany({ where: { until: { gt: after } }, orderBy: { until: 'desc' } }),
    ]);
    // Latest first, so the earliest row after the day is the one left in each map.
    const unitNames = new Map(unitRows.map((row) => [row.unitId, row.name]));
    const sites = new Map(siteRows.map((row) => [row.siteId, { name: row.name, unitId: row.unitId }]));
    return new DirectoryAt(tree, unitNames, sites);
  }

  unitName(unit: { id: string; name: string }): string {
    return this.unitNames.get(unit.id) ?? unit.name;
  }

  site(site: { id: string; name: string; unitId: string }): SiteThen {
    return this.sites.get(site.id) ?? { name: site.name, unitId: site.unitId };
  }

  /** The site's unit as it was then, with its parent, for grouping (siteGroup). */
  unitOfSite(site: { id: string; name: string; unitId: string }): GroupedUnit {
    const unit = this.treeUnit(this.site(site).unitId);
    const parent = unit.parentId === null ? undefined : this.tree.get(unit.parentId);
    return {
      id: unit.id,
      name: this.unitName(unit),
      kind: unit.kind,
      parent: parent ? { id: parent.id, name: this.unitName(parent), kind: parent.kind } : null,
    };
  }

  private treeUnit(id: string): TreeUnit {
    const unit = this.tree.get(id);
    if (!unit) throw new Error(`no unit ${id}`);
    return unit;
  }
}
