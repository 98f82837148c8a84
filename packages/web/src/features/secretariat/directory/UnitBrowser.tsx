import type { Unit } from '@pm/shared';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import type { UnitTreeModel } from '../unitTreeModel';

/** The unit tree as a filter: choosing a unit lists the sites at and below it, with their count. */
export function UnitBrowser({ tree, selectedId, onSelect }: { tree: UnitTreeModel; selectedId: string | undefined; onSelect: (unitId: string) => void }) {
  const { t } = useI18n();
  return (
    <ul className="unit-tree" aria-label={t('directory.units')}>
      {tree.roots.map((unit) => (
        <BrowserNode key={unit.id} unit={unit} tree={tree} selectedId={selectedId} onSelect={onSelect} initiallyOpen />
      ))}
    </ul>
  );
}

function BrowserNode(props: { unit: Unit; tree: UnitTreeModel; selectedId: string | undefined; onSelect: (unitId: string) => void; initiallyOpen?: boolean }) {
  const { unit, tree, selectedId, onSelect } = props;
  const { t } = useI18n();
  const [open, setOpen] = useState(props.initiallyOpen ?? false);
  const children = tree.childrenOf(unit.id);
  return (
    <li>
      <div className="unit-tree__row">
        {children.length > 0 ? (
          <button type="button" className="unit-tree__toggle" aria-expanded={open} aria-label={`${t(open ? 'tree.collapse' : 'tree.expand')} ${unit.name}`} onClick={() => setOpen(!open)}>
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="unit-tree__toggle" />
        )}
        <button type="button" className={`unit-tree__name${unit.disabled ? ' muted' : ''}`} aria-pressed={selectedId === unit.id} onClick={() => onSelect(unit.id)}>
          {unit.name} <span className="count">{tree.subtreeSiteIds(unit.id).length}</span>
        </button>
      </div>
      {open && children.length > 0 && (
        <ul>
          {children.map((child) => (
            <BrowserNode key={child.id} unit={child} tree={tree} selectedId={selectedId} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </li>
  );
}
