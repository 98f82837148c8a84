import type { ReactNode } from 'react';
import { Allowed } from './components/Allowed';
import { lazyPage } from './components/lazyPage';
import type { RouteContext } from './routeContext';
import { recordsRoutes } from './features/minutes/recordsRoutes';

const AttendanceReportPage = lazyPage(() => import('./features/attendance/AttendanceReportPage').then((m) => m.AttendanceReportPage));
const PeriodReportPage = lazyPage(() => import('./features/attendance/PeriodReportPage').then((m) => m.PeriodReportPage));
/** Also the only screen of an account that must change its published password first (App). */
export const PasswordPage = lazyPage(() => import('./features/account/PasswordPage').then((m) => m.PasswordPage));
const CheckPage = lazyPage(() => import('./features/check/CheckPage').then((m) => m.CheckPage));
const HomePage = lazyPage(() => import('./features/home/HomePage').then((m) => m.HomePage));
const MeetingPage = lazyPage(() => import('./features/meeting/MeetingPage').then((m) => m.MeetingPage));
const RecordingBar = lazyPage(() => import('./features/recording/RecordingBar').then((m) => m.RecordingBar));
const ReadinessPage = lazyPage(() => import('./features/readiness/ReadinessPage').then((m) => m.ReadinessPage));
const DirectoryPage = lazyPage(() => import('./features/secretariat/directory/DirectoryPage').then((m) => m.DirectoryPage));
const MeetingEditor = lazyPage(() => import('./features/secretariat/schedule/MeetingEditor').then((m) => m.MeetingEditor));
const SiteGroupsPage = lazyPage(() => import('./features/secretariat/groups/SiteGroupsPage').then((m) => m.SiteGroupsPage));
const UsersPage = lazyPage(() => import('./features/secretariat/users/UsersPage').then((m) => m.UsersPage));
const AuditPage = lazyPage(() => import('./features/audit/AuditPage').then((m) => m.AuditPage));

/**
 * Every screen of the app, by path. A feature adds its screens here; `:name` segments become
 * params. The first match wins; the last entry is the fallback. Each screen is its own chunk,
 * loaded when its route is first shown.
 */
export const routes: Array<{ path: string; render: (ctx: RouteContext) => ReactNode }> = [
  { path: '/check', render: () => <CheckPage /> },
  { path: '/account/password', render: () => <PasswordPage /> },
  {
    path: '/meetings/:id/attendance',
    render: ({ params, identity }) => (
      <Allowed identity={identity} permission="attendance.read">
        <AttendanceReportPage meetingId={params.id!} />
      </Allowed>
    ),
  },
  {
    path: '/attendance',
    render: ({ identity }) => (
      <Allowed identity={identity} permission="attendance.read">
        <PeriodReportPage />
      </Allowed>
    ),
  },
  {
    path: '/meeting/:id',
    render: ({ params, identity, navigate }) => (
      <>
        <RecordingBar meetingId={params.id!} identity={identity} />
        <MeetingPage meetingId={params.id!} role={identity.role} goHome={() => navigate('/')} />
      </>
    ),
  },
  {
    path: '/meetings/:id/readiness',
    render: ({ params, identity }) => (
      <Allowed identity={identity} permission="meetings.readiness">
        <ReadinessPage meetingId={params.id!} />
      </Allowed>
    ),
  },
  {
    path: '/secretariat/meetings/new',
    render: ({ identity }) => (
      <Allowed identity={identity} permission="meetings.manage">
        <MeetingEditor meetingId={undefined} />
      </Allowed>
    ),
  },
  {
    path: '/secretariat/meetings/:id',
    render: ({ params, identity }) => (
      <Allowed identity={identity} permission="meetings.manage">
        <MeetingEditor meetingId={params.id} />
      </Allowed>
    ),
  },
  {
    path: '/secretariat/directory',
    render: ({ identity }) => (
      <Allowed identity={identity} permission="directory.manage">
        <DirectoryPage identity={identity} />
      </Allowed>
    ),
  },
  {
    path: '/secretariat/groups',
    render: ({ identity }) => (
      <Allowed identity={identity} permission="directory.manage">
        <SiteGroupsPage />
      </Allowed>
    ),
  },
  {
    path: '/admin/users',
    render: ({ identity }) => (
      <Allowed identity={identity} permission="users.manage">
        <UsersPage />
      </Allowed>
    ),
  },
  {
    path: '/admin/audit',
    render: ({ identity }) => (
      <Allowed identity={identity} permission="audit.read">
        <AuditPage />
      </Allowed>
    ),
  },
  ...recordsRoutes,
  { path: '/', render: ({ identity }) => <HomePage identity={identity} /> },
];

export function matchRoute(pathname: string): { render: (ctx: RouteContext) => ReactNode; params: Record<string, string> } {
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return { render: route.render, params };
  }
  const fallback = routes[routes.length - 1]!;
  return { render: fallback.render, params: {} };
}

function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const actual = have[i]!;
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return undefined;
  }
  return params;
}
