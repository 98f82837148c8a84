import { can } from '@pm/shared';
import type { ReactNode } from 'react';
import { Allowed } from '../../components/Allowed';
import { lazyPage } from '../../components/lazyPage';
import type { RouteContext } from '../../routeContext';

const DirectiveDetailPage = lazyPage(() => import('../directives/DirectiveDetailPage').then((m) => m.DirectiveDetailPage));
const DirectivesPage = lazyPage(() => import('../directives/DirectivesPage').then((m) => m.DirectivesPage));
const ReviewPage = lazyPage(() => import('../review/ReviewPage').then((m) => m.ReviewPage));
const SearchPage = lazyPage(() => import('../review/SearchPage').then((m) => m.SearchPage));
const MinutesPage = lazyPage(() => import('./MinutesPage').then((m) => m.MinutesPage));

/** The screens of what a meeting leaves behind: minutes, directives, review (merged into `routes`). */
export const recordsRoutes: Array<{ path: string; render: (ctx: RouteContext) => ReactNode }> = [
  {
    path: '/meetings/:id/minutes',
    render: ({ params, identity }) => (
      // Every account that reads the minutes reaches them (and their exports); writing takes minutes.write.
      <Allowed identity={identity} permission="minutes.read">
        <MinutesPage meetingId={params.id!} canWrite={can(identity.role, 'minutes.write')} />
      </Allowed>
    ),
  },
  {
    path: '/directives',
    render: ({ identity }) => (
      <Allowed identity={identity} permission="directives.read">
        <DirectivesPage identity={identity} />
      </Allowed>
    ),
  },
  {
    path: '/directives/:id',
    render: ({ params, identity }) => (
      <Allowed identity={identity} permission="directives.read">
        <DirectiveDetailPage directiveId={params.id!} identity={identity} />
      </Allowed>
    ),
  },
  {
    path: '/meetings/:id/review',
    render: ({ params, identity }) => (
      <Allowed identity={identity} permission="recordings.read">
        <ReviewPage meetingId={params.id!} />
      </Allowed>
    ),
  },
  {
    path: '/review',
    render: ({ identity }) => (
      <Allowed identity={identity} permission="minutes.read">
        <SearchPage />
      </Allowed>
    ),
  },
];
