import type { Identity } from '@pm/shared';
import { SecretariatHome } from '../secretariat/SecretariatHome';
import { SiteHome } from './SiteHome';
import { StaffMeetings } from './StaffMeetings';

/** `/`: each account starts where its work is. */
export function HomePage({ identity }: { identity: Identity }) {
  switch (identity.role) {
    case 'SITE':
      return <SiteHome siteName={identity.displayName} />;
    case 'SECRETARIAT':
    case 'ADMIN':
      return <SecretariatHome identity={identity} />;
    default:
      return <StaffMeetings identity={identity} />;
  }
}
