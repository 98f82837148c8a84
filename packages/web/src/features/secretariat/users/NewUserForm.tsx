import { roles, type Role, type Site, type Unit } from '@pm/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { callApi } from '../../../api/apiClient';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useI18n } from '../../../i18n/I18nProvider';
import { detach } from '../../../util/detach';

const blank = { username: '', displayName: '', role: 'SECRETARIAT' as Role, unitId: '', siteId: '', password: '' };

/** A new account: a meeting room's account names its site, a scoped account its unit. */
export function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState(blank);
  const [units, setUnits] = useState<Unit[]>([]);
  const [sites, setSites] = useState<Site[]>([]);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    detach(Promise.all([callApi('units.list'), callApi('sites.list', { query: {} })]).then(([u, s]) => {
      setUnits(u.units);
      setSites(s.sites.filter((site) => site.account === null));
    }), 'loading the units and sites for a new user');
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await callApi('users.create', { body: { ...form, unitId: form.unitId || null, siteId: form.role === 'SITE' ? form.siteId || null : null } });
      setForm(blank);
      onCreated();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form className="panel form" onSubmit={(event) => detach(submit(event), 'creating the user')} aria-labelledby="new-user-heading">
      <h2 id="new-user-heading">{t('users.new')}</h2>
      <div className="form__row">
        <label>
          {t('auth.username')}
          <input value={form.username} required onChange={(e) => setForm({ ...form, username: e.target.value })} />
        </label>
        <label>
          {t('users.displayName')}
          <input value={form.displayName} required onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
        </label>
        <label>
          {t('users.role')}
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            {roles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
          </select>
        </label>
        <label>
          {t('users.unit')}
          <select value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.target.value })}>
            <option value="">{t('users.provinceWide')}</option>
            {units.map((unit) => <option key={unit.id} value={unit.id}>{unit.name}</option>)}
          </select>
        </label>
        {form.role === 'SITE' && (
          <label>
            {t('users.site')}
            <select value={form.siteId} required onChange={(e) => setForm({ ...form, siteId: e.target.value })}>
              <option value="">—</option>
              {sites.map((site) => <option key={site.id} value={site.id}>{site.name}</option>)}
            </select>
          </label>
        )}
        <label>
          {t('auth.password')}
          <input type="password" autoComplete="new-password" value={form.password} required onChange={(e) => setForm({ ...form, password: e.target.value })} />
        </label>
      </div>
      <ErrorNotice error={error} />
      <button type="submit" className="button button--primary">{t('users.create')}</button>
    </form>
  );
}
