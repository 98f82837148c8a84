import { mergeUnits, moveSite, renameUnit, retireUnit } from '../../directory/reorganisations.js';
import { createSiteGroup, deleteSiteGroup, listSiteGroups, updateSiteGroup } from '../../directory/siteGroups.js';
import { importSites } from '../../directory/siteImport.js';
import { importUnits } from '../../directory/unitImport.js';
import { createSite, getSite, listSites, updateSite } from '../../directory/sites.js';
import { unitHistory } from '../../directory/unitHistory.js';
import { createUnit, listUnits, updateUnit } from '../../directory/units.js';
import type { ApiDeps, HandlerGroup } from './apiDeps.js';

type DirectoryRoutes =
  | 'units.list'
  | 'units.create'
  | 'units.update'
  | 'units.merge'
  | 'units.history'
  | 'units.rename'
  | 'units.retire'
  | 'units.import'
  | 'sites.move'
  | 'sites.list'
  | 'sites.get'
  | 'sites.create'
  | 'sites.update'
  | 'sites.import'
  | 'siteGroups.list'
  | 'siteGroups.create'
  | 'siteGroups.update'
  | 'siteGroups.delete';

/** Units, meeting rooms, their reorganisations and site groups; the domain modules check the caller's unit scope. */
export function directoryApi({ prisma }: ApiDeps): HandlerGroup<DirectoryRoutes> {
  return {
    'units.list': async ({ identity }) => ({ units: await listUnits(prisma, identity) }),
    'units.create': async ({ identity, body }) => ({ unit: await createUnit(prisma, identity, body) }),
    'units.update': async ({ identity, params, body }) => ({ unit: await updateUnit(prisma, identity, params.id!, body) }),
    'units.merge': async ({ identity, body }) => mergeUnits(prisma, identity, body),
    'units.history': async ({ identity, params }) => ({ events: await unitHistory(prisma, identity, params.id!) }),
    'units.rename': async ({ identity, params, body }) => ({ unit: await renameUnit(prisma, identity, params.id!, body) }),
    'units.retire': async ({ identity, params, body }) => ({ unit: await retireUnit(prisma, identity, params.id!, body) }),
    'units.import': async ({ identity, query, upload }) => importUnits(prisma, identity, upload!, query.dryRun ?? false),
    'sites.move': async ({ identity, params, body }) => ({ site: await moveSite(prisma, identity, params.id!, body) }),
    'sites.list': async ({ identity, query }) => {
      const sites = await listSites(prisma, identity, query);
      return { sites, total: sites.length };
    },
    'sites.get': async ({ identity, params }) => ({ site: await getSite(prisma, identity, params.id!) }),
    'sites.create': async ({ identity, body }) => ({ site: await createSite(prisma, identity, body) }),
    'sites.update': async ({ identity, params, body }) => ({ site: await updateSite(prisma, identity, params.id!, body) }),
    'sites.import': async ({ identity, query, upload }) => importSites(prisma, identity, upload!, query.dryRun ?? false),
    'siteGroups.list': async ({ identity }) => ({ groups: await listSiteGroups(prisma, identity) }),
    'siteGroups.create': async ({ identity, body }) => ({ group: await createSiteGroup(prisma, identity, body) }),
    'siteGroups.update': async ({ identity, params, body }) => ({ group: await updateSiteGroup(prisma, identity, params.id!, body) }),
    'siteGroups.delete': async ({ identity, params }) => {
      await deleteSiteGroup(prisma, identity, params.id!);
      return {};
    },
  };
}
