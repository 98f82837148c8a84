import type { Site, SiteGroup, Unit } from '@pm/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { VirtualList } from '../../../components/VirtualList';
import { useI18n } from '../../../i18n/I18nProvider';
import { buildUnitTree, type UnitTreeModel } from '../unitTreeModel';
import { searchSites } from './siteSearch';

interface SitePickerProps {
  units: Unit[];
  sites: Site[];
  groups: SiteGroup[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}

type Toggle = (siteIds: string[], on: boolean) => void;

/**
 * Choosing the invited sites among hundreds: everything, a site group in one click (a region, all
 * wards, a former district's area, a committee), any unit of the tree, or rooms one by one from a
 * search. Counts show what each choice covers.
 */
export function SitePicker({ units, sites, groups, selected, onChange }: SitePickerProps) {
  const { t } = useI18n();
  const tree = useMemo(() => buildUnitTree(units, sites), [units, sites]);
  const toggle: Toggle = (siteIds, on) => {
    const next = new Set(selected);
    for (const id of siteIds) {
      if (on) next.add(id);
      else next.delete(id);
    }
    onChange(next);
  };
  // A group lists only active rooms; the picker offers only the rooms it lists itself.
  const offered = useMemo(() => new Set(sites.map((site) => site.id)), [sites]);
  const groupButton = (group: SiteGroup) => {
    const siteIds = group.siteIds.filter((id) => offered.has(id));
    return (
      <button key={group.id} type="button" className="button" data-group={group.code} onClick={() => toggle(siteIds, true)}>
        {group.name} ({siteIds.length})
      </button>
    );
  };
  const formerDistricts = groups.filter((group) => group.kind === 'FORMER_DISTRICT');
  return (
    <fieldset className="site-picker">
      <legend>{t('picker.legend')}</legend>
      <p className="site-picker__count" aria-live="polite">
        {t('picker.selected')} <strong data-testid="selected-count">{selected.size}</strong> / {sites.length}
      </p>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => toggle(sites.map((s) => s.id), true)}>
          {t('picker.all')} ({sites.length})
        </button>
        <button type="button" className="button" onClick={() => onChange(new Set())}>
          {t('picker.none')}
        </button>
      </div>
      <div className="toolbar" role="group" aria-label={t('picker.groups')}>
        {groups.filter((group) => group.kind !== 'FORMER_DISTRICT').map(groupButton)}
      </div>
      {formerDistricts.length > 0 && (
        <details>
          <summary>{t('picker.formerDistricts')}</summary>
          <div className="toolbar">{formerDistricts.map(groupButton)}</div>
        </details>
      )}
      <ul className="unit-tree" aria-label={t('picker.tree')}>
        {tree.roots.map((unit) => (
          <UnitNode key={unit.id} unit={unit} tree={tree} selected={selected} toggle={toggle} initiallyOpen />
        ))}
      </ul>
      <HandPick sites={sites} units={units} selected={selected} toggle={toggle} />
    </fieldset>
  );
}

function UnitNode(props: { unit: Unit; tree: UnitTreeModel; selected: ReadonlySet<string>; toggle: Toggle; initiallyOpen?: boolean }) {
  const { unit, tree, selected, toggle } = props;
  const { t } = useI18n();
  const [open, setOpen] = useState(props.initiallyOpen ?? false);
  const checkbox = useRef<HTMLInputElement>(null);
  const siteIds = tree.subtreeSiteIds(unit.id);
  const chosen = siteIds.filter((id) => selected.has(id)).length;
  const children = tree.childrenOf(unit.id);
  const communeSiteIds = unit.kind === 'DISTRICT' ? children.flatMap((child) => tree.subtreeSiteIds(child.id)) : [];
  useEffect(() => {
    if (checkbox.current) checkbox.current.indeterminate = chosen > 0 && chosen < siteIds.length;
  }, [chosen, siteIds.length]);
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
        <label>
          <input ref={checkbox} type="checkbox" checked={siteIds.length > 0 && chosen === siteIds.length} disabled={siteIds.length === 0} onChange={(e) => toggle(siteIds, e.target.checked)} />
          {unit.name} <span className="count">{chosen}/{siteIds.length}</span>
        </label>
        {communeSiteIds.length > 0 && (
          <button type="button" className="button button--small" aria-label={`${t('picker.communesOf')} ${unit.name}`} onClick={() => toggle(communeSiteIds, true)}>
            {t('picker.communes')} ({communeSiteIds.length})
          </button>
        )}
      </div>
      {open && children.length > 0 && (
        <ul>
          {children.map((child) => (
            <UnitNode key={child.id} unit={child} tree={tree} selected={selected} toggle={toggle} />
          ))}
        </ul>
      )}
    </li>
  );
}

function HandPick({ sites, units, selected, toggle }: { sites: Site[]; units: Unit[]; selected: ReadonlySet<string>; toggle: Toggle }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const matching = useMemo(() => searchSites(sites, units, search), [sites, units, search]);
  return (
    <div className="hand-pick">
      <label>
        {t('picker.search')}
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </label>
      <VirtualList
        items={matching}
        rowHeight={36}
        height={280}
        label={t('picker.sites')}
        itemKey={(site) => site.id}
        renderRow={(site) => (
          <label className="hand-pick__row">
            <input type="checkbox" checked={selected.has(site.id)} onChange={(e) => toggle([site.id], e.target.checked)} />
            {site.name} <span className="muted">— {site.unitName}</span>
          </label>
        )}
      />
    </div>
  );
}
