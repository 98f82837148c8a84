import { roles, type Role, type User } from '@pm/shared';
import { useCallback, useEffect, useState } from 'react';
import { callApi } from '../../../api/apiClient';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useI18n } from '../../../i18n/I18nProvider';
import { NewUserForm } from './NewUserForm';
import { detach } from '../../../util/detach';

/** `/admin/users`: the administrator creates, disables and unlocks accounts and resets passwords. */
export function UsersPage() {
  const { t } = useI18n();
  const [users, setUsers] = useState<User[]>();
  const [role, setRole] = useState<Role | ''>('');
  const [error, setError] = useState<unknown>();
  const reload = useCallback(async () => {
    try {
      setUsers((await callApi('users.list', { query: role ? { role } : {} })).users);
    } catch (failure) {
      setError(failure);
    }
  }, [role]);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the load sets state when its answer arrives, never synchronously; the rule cannot see past the call
  useEffect(() => detach(reload(), 'loading the users'), [reload]);
  const act = async (call: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await call();
      await reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const resetPassword = (user: User) => {
    const password = window.prompt(`${t('users.newPassword')} — ${user.username}`);
    if (password) detach(act(() => callApi('users.update', { params: { id: user.id }, body: { password } })), 'setting the password');
  };
  return (
    <section aria-labelledby="users-heading">
      <h1 id="users-heading">{t('users.heading')}</h1>
      <label>
        {t('users.role')}
        <select value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
          <option value="">{t('wall.all')}</option>
          {roles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
        </select>
      </label>
      <ErrorNotice error={error} />
      <table className="table">
        <thead>
          <tr><th>{t('auth.username')}</th><th>{t('users.displayName')}</th><th>{t('users.role')}</th><th>{t('users.state')}</th><th /></tr>
        </thead>
        <tbody>
          {users?.map((user) => (
            <tr key={user.id} className={user.disabled ? 'muted' : ''}>
              <td>{user.username}</td>
              <td>{user.displayName}</td>
              <td>{t(`role.${user.role}`)}</td>
              <td>{user.disabled ? t('users.disabled') : user.passwordPublished ? t('users.passwordPublished') : t('users.active')}</td>
              <td className="toolbar">
                <button type="button" className="button button--small" onClick={() => detach(act(() => callApi('users.update', { params: { id: user.id }, body: { disabled: !user.disabled } })), 'enabling or disabling the user')}>
                  {t(user.disabled ? 'users.enable' : 'users.disable')}
                </button>
                <button type="button" className="button button--small" onClick={() => resetPassword(user)}>{t('users.resetPassword')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NewUserForm onCreated={() => detach(reload(), 'reloading the users')} />
    </section>
  );
}
