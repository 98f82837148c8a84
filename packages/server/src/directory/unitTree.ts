import type { UnitKind } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';

export interface TreeUnit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  disabled: boolean;
}

/**
 * The unit hierarchy in memory (a province has a few hundred units), for the questions asked on
 * almost every request: is this unit inside that one, which units lie below this one.
 */
export class UnitTree {
  private readonly byId: Map<string, TreeUnit>;
  private readonly children = new Map<string, TreeUnit[]>();

  constructor(units: TreeUnit[]) {
    this.byId = new Map(units.map((unit) => [unit.id, unit]));
    for (const unit of units) {
      if (unit.parentId === null) continue;
      const siblings = this.children.get(unit.parentId) ?? [];
      siblings.push(unit);
      this.children.set(unit.parentId, siblings);
    }
  }

  static async load(prisma: PrismaClient): Promise<UnitTree> {
    return new UnitTree(
      await prisma.unit.findMany({ select: { id: true, code: true, name: true, kind: true, parentId: true, disabled: true } }),
    );
  }

  get(id: string): TreeUnit | undefined {
    return this.byId.get(id);
  }

  /** The unit and every unit below it. */
  subtree(id: string): string[] {
    const ids: string[] = [];
    const pending = [id];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if (!this.byId.has(next)) continue;
      ids.push(next);
      for (const child of this.children.get(next) ?? []) pending.push(child.id);
    }
    return ids;
  }

  /** True when `unitId` is `ancestorId` or lies below it. */
  contains(ancestorId: string, unitId: string): boolean {
    for (let unit = this.byId.get(unitId); unit; unit = unit.parentId === null ? undefined : this.byId.get(unit.parentId)) {
      if (unit.id === ancestorId) return true;
    }
    return false;
  }
}
