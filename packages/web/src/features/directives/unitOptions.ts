import type { Unit } from '@pm/shared';
import { buildUnitTree } from '../secretariat/unitTreeModel';

export interface UnitOption {
  id: string;
  /** Indented by depth; a name that several units share is followed by its parent's, e.g. "Xã Hải Hà (Huyện Tĩnh Gia)". */
  label: string;
}

const INDENT = '\u00a0\u00a0\u00a0';

/**
 * The units as a filter lists them: the hierarchy in official order (province, departments,
 * districts each followed by its communes), never two options that read the same.
 */
export function unitOptions(units: Unit[]): UnitOption[] {
  const tree = buildUnitTree(units, []);
  const byId = new Map(units.map((u) => [u.id, u]));
  const uses = new Map<string, number>();
  for (const unit of units) uses.set(unit.name, (uses.get(unit.name) ?? 0) + 1);
  const options: UnitOption[] = [];
  const visit = (unit: Unit, depth: number) => {
    const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
    const shared = (uses.get(unit.name) ?? 0) > 1 && parent;
    options.push({ id: unit.id, label: `${INDENT.repeat(depth)}${unit.name}${shared ? ` (${parent.name})` : ''}` });
    for (const child of tree.childrenOf(unit.id)) visit(child, depth + 1);
  };
  for (const root of tree.roots) visit(root, 0);
  return options;
}
