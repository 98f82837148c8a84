import { can, type Identity, type Permission } from '@pm/shared';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** Renders a screen only for accounts whose role has the permission; others are told, not shown. */
export function Allowed({ identity, permission, children }: { identity: Identity; permission: Permission; children: ReactNode }) {
  const { t } = useI18n();
  if (can(identity.role, permission)) return children;
  return (
    <p className="notice notice--error" role="alert" data-testid="forbidden">
      {t('error.FORBIDDEN')}
    </p>
  );
}
