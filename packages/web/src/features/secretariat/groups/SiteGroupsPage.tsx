import type { Site, SiteGroup, Unit } from '@pm/shared';
import { useState, type FormEvent } from 'react';
import { callApi } from '../../../api/apiClient';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useAction } from '../../../hooks/useAction';
import { useI18n } from '../../../i18n/I18nProvider';
import { useApiResource } from '../../attendance/useApiResource';
import { SitePicker } from '../schedule/SitePicker';

interface GroupsData {
  units: Unit[];
  sites: Site[];
  groups: SiteGroup[];
}

/**
 * `/secretariat/groups`: the site groups the scheduler picks in one click (regions, former district
 * areas, committees). A group is built with the same picker as a meeting's invitations.
 */
export function SiteGroupsPage() {
  const { t } = useI18n();
  const [revision, setRevision] = useState(0);
  const reload = () => setRevision((value) => value + 1);
  const { data, error } = useApiResource(async (): Promise<GroupsData> => {
    const [units, sites, groups] = await Promise.all([callApi('units.list'), callApi('sites.list', { query: {} }), callApi('siteGroups.list')]);
    return { units: units.units, sites: sites.sites, groups: groups.groups };
  }, String(revision));
  const deletion = useAction();
  const [editing, setEditing] = useState<SiteGroup | 'new'>();
  // Deleting takes a second click on the same row, so a slip of the finger deletes nothing.
  const [deleting, setDeleting] = useState<string>();
  const remove = (group: SiteGroup) => {
    setDeleting(undefined);
    deletion.run(() => callApi('siteGroups.delete', { params: { id: group.id } }), reload);
  };

  if (!data) return error === undefined ? <p className="notice">{t('common.loading')}</p> : <ErrorNotice error={error} />;
  return (
    <section aria-labelledby="groups-heading">
      <h1 id="groups-heading">{t('groups.heading')}</h1>
      <p className="muted">{t('groups.hint')}</p>
      <ErrorNotice error={deletion.error} />
      <button type="button" className="button button--primary" onClick={() => setEditing('new')}>{t('groups.new')}</button>
      {editing && (
        <GroupForm
          key={editing === 'new' ? 'new' : editing.id}
          group={editing === 'new' ? undefined : editing}
          data={data}
          onDone={() => {
            setEditing(undefined);
            reload();
          }}
        />
      )}
      <table className="table" data-testid="group-list">
        <thead>
          <tr>
            <th>{t('groups.name')}</th>
            <th>{t('groups.kind')}</th>
            <th>{t('schedule.sites')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data.groups.map((group) => (
            <tr key={group.id} data-group={group.code}>
              <td>{group.name}</td>
              <td>{t(`groupKind.${group.kind}`)}</td>
              <td>{group.siteIds.length}</td>
              <td className="toolbar">
                <button type="button" className="button button--small" aria-label={`${t('site.edit')}: ${group.name}`} onClick={() => setEditing(group)}>
                  {t('site.edit')}
                </button>
                {deleting === group.id ? (
                  <button type="button" className="button button--small button--danger" aria-label={`${t('groups.confirmDelete')}: ${group.name}`} onClick={() => remove(group)}>
                    {t('groups.confirmDelete')}
                  </button>
                ) : (
                  <button type="button" className="button button--small" aria-label={`${t('groups.delete')}: ${group.name}`} onClick={() => setDeleting(group.id)}>
                    {t('groups.delete')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function GroupForm({ group, data, onDone }: { group: SiteGroup | undefined; data: GroupsData; onDone: () => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState(group?.code ?? '');
  const [name, setName] = useState(group?.name ?? '');
  const [siteIds, setSiteIds] = useState<Set<string>>(new Set(group?.siteIds));
  const saving = useAction();
  const save = (event: FormEvent) => {
    event.preventDefault();
    const body = { name, siteIds: [...siteIds] };
    saving.run(
      () => (group ? callApi('siteGroups.update', { params: { id: group.id }, body }) : callApi('siteGroups.create', { body: { ...body, code } })),
      onDone,
    );
  };
  return (
    <form className="form panel" onSubmit={save} aria-label={group ? `${t('site.edit')}: ${group.name}` : t('groups.new')}>
      {!group && (
        <label>
          {t('groups.code')}
          <input value={code} required onChange={(e) => setCode(e.target.value)} />
        </label>
      )}
      <label>
        {t('groups.name')}
        <input value={name} required onChange={(e) => setName(e.target.value)} />
      </label>
      <SitePicker units={data.units} sites={data.sites} groups={data.groups} selected={siteIds} onChange={setSiteIds} />
      <ErrorNotice error={saving.error} />
      <div className="toolbar">
        <button type="submit" className="button button--primary">{t('groups.save')}</button>
        <button type="button" className="button" onClick={onDone}>{t('common.close')}</button>
      </div>
    </form>
  );
}
