import { foldText, type Identity, type Site } from '@pm/shared';
import { useMemo, useState } from 'react';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { VirtualList } from '../../../components/VirtualList';
import { useI18n } from '../../../i18n/I18nProvider';
import { detach } from '../../../util/detach';
import { buildUnitTree } from '../unitTreeModel';
import { ImportPanel } from './ImportPanel';
import { ReorganisePanel } from './ReorganisePanel';
import { SiteForm } from './SiteForm';
import { UnitBrowser } from './UnitBrowser';
import { UnitHistory } from './UnitHistory';
import { UnitPanel } from './UnitPanel';
import { useDirectory } from './useDirectory';

/** `/secretariat/directory`: the unit tree, the meeting rooms under the chosen unit, edits and imports. */
export function DirectoryPage({ identity }: { identity: Identity }) {
  const { t } = useI18n();
  const { units, sites, error, reload } = useDirectory();
  const [unitId, setUnitId] = useState<string>();
  const [search, setSearch] = useState('');
  const [showDisabled, setShowDisabled] = useState(false);
  const [editing, setEditing] = useState<Site | 'new'>();
  const tree = useMemo(() => buildUnitTree(units ?? [], sites ?? []), [units, sites]);
  const listed = useMemo(() => {
    const inUnit = unitId ? new Set(tree.subtreeSiteIds(unitId)) : undefined;
    const needle = foldText(search.trim());
    return (sites ?? []).filter(
      (site) =>
        (!inUnit || inUnit.has(site.id)) &&
        (showDisabled || !site.disabled) &&
        (!needle || foldText(`${site.name} ${site.code} ${site.unitName} ${site.contactName ?? ''} ${site.address ?? ''}`).includes(needle)),
    );
  }, [sites, tree, unitId, search, showDisabled]);
  const selectedUnit = units?.find((u) => u.id === unitId);
  const done = () => {
    setEditing(undefined);
    detach(reload(), 'reloading the directory');
  };

  if (error !== undefined) return <ErrorNotice error={error} />;
  if (!units || !sites) return <p className="notice">{t('common.loading')}</p>;
  return (
    <section className="directory" aria-labelledby="directory-heading">
      <h1 id="directory-heading">{t('directory.heading')}</h1>
      <div className="directory__layout">
        <aside className="panel directory__tree">
          <UnitBrowser tree={tree} selectedId={unitId} onSelect={setUnitId} />
        </aside>
        <div className="directory__main">
          <div className="toolbar">
            <label>
              {t('picker.search')}
              <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={showDisabled} onChange={(e) => setShowDisabled(e.target.checked)} />
              {t('directory.showDisabled')}
            </label>
            <button type="button" className="button button--primary" onClick={() => setEditing('new')}>{t('site.new')}</button>
          </div>
          <p aria-live="polite" data-testid="site-count">
            {listed.length} {t('schedule.sites')}
          </p>
          <VirtualList
            items={listed}
            rowHeight={44}
            height={440}
            label={t('picker.sites')}
            itemKey={(site) => site.id}
            testId="site-list"
            renderRow={(site) => (
              <div className={`site-row${site.disabled ? ' muted' : ''}`}>
                <span className="site-row__name">{site.name}</span>
                <span className="muted">{site.unitName}</span>
                <span>{site.contactName} {site.contactPhone}</span>
                <button type="button" className="button button--small" onClick={() => setEditing(site)} aria-label={`${t('site.edit')}: ${site.name}`}>
                  {t('site.edit')}
                </button>
              </div>
            )}
          />
          {editing && (
            <SiteForm
              key={editing === 'new' ? 'new' : editing.id}
              site={editing === 'new' ? undefined : editing}
              units={units}
              defaultUnitId={unitId}
              canMove={identity.unitId === null}
              onDone={done}
            />
          )}
          {selectedUnit && <UnitPanel unit={selectedUnit} onChanged={() => detach(reload(), 'reloading the directory')} />}
          {/* A reorganisation is the province's decision: a unit-scoped account does not make one. */}
          {selectedUnit && identity.unitId === null && (
            <ReorganisePanel key={selectedUnit.id} unit={selectedUnit} units={units} onChanged={() => detach(reload(), 'reloading the directory')} />
          )}
          {selectedUnit && <UnitHistory unit={selectedUnit} />}
          <ImportPanel onImported={() => detach(reload(), 'reloading the directory')} />
        </div>
      </div>
    </section>
  );
}
