import type { ReactNode } from 'react';
import { Allowed } from './components/Allowed';
import type { RouteContext } from './routeContext';
import { AttendanceReportPage } from './features/attendance/AttendanceReportPage';
import { PeriodReportPage } from './features/attendance/PeriodReportPage';
import { PasswordPage } from './features/account/PasswordPage';
import { CheckPage } from './features/check/CheckPage';
import { HomePage } from './features/home/HomePage';
import { MeetingPage } from './features/meeting/MeetingPage';
import { recordsRoutes } from './features/minutes/recordsRoutes';
import { RecordingBar } from './features/recording/RecordingBar';
import { ReadinessPage } from './features/readiness/ReadinessPage';
import { DirectoryPage } from './features/secretariat/directory/DirectoryPage';
import { MeetingEditor } from './features/secretariat/schedule/MeetingEditor';
import { UsersPage } from './features/secretariat/users/UsersPage';

/**
 * Every screen of the app, by path. A feature adds its screens here; `:name` segments become
 * params. The first match wins; the last entry is the fallback.
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
    render: ({ params, identity }) => (
      <>
        <MeetingPage meetingId={params.id!} role={identity.role} />
        <RecordingBar meetingId={params.id!} identity={identity} />
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
        <DirectoryPage />
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
