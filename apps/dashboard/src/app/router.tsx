import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { canManageUsers, canReadAudit } from '../features/auth/permissions';
import { RequirePermission } from '../features/auth/RequirePermission';
import { RequireSession } from '../features/auth/RequireSession';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';
import { NotFoundPage } from './routes/NotFoundPage';
import { RouteErrorPage } from './routes/RouteErrorPage';

// Pages are separate chunks, fetched when first visited; the layout's Suspense shows a skeleton meanwhile.
const SignInPage = lazy(() => import('../features/auth/SignInPage'));
const OverviewPage = lazy(() => import('../features/overview/OverviewPage'));
const CentresPage = lazy(() => import('../features/centres/CentresPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const NewUserPage = lazy(() => import('../features/users/NewUserPage'));
const UserPage = lazy(() => import('../features/users/UserPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const AccountPage = lazy(() => import('../features/account/AccountPage'));

export const routes: RouteObject[] = [
  {
    path: 'sign-in',
    element: <PublicLayout />,
    children: [{ errorElement: <RouteErrorPage />, children: [{ index: true, element: <SignInPage /> }] }],
  },
  {
    // Every other page needs a signed-in person; the guard sends anyone else to /sign-in?next=….
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      {
        // Below the layout, so a broken page keeps the header, navigation and language switch.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <OverviewPage /> },
          { path: 'centres', element: <CentresPage /> },
          {
            path: 'users',
            children: [
              { index: true, element: <RequirePermission check={canManageUsers}><UsersPage /></RequirePermission> },
              { path: 'new', element: <RequirePermission check={canManageUsers}><NewUserPage /></RequirePermission> },
              { path: ':userId', element: <RequirePermission check={canManageUsers}><UserPage /></RequirePermission> },
            ],
          },
          { path: 'audit', element: <RequirePermission check={canReadAudit}><AuditPage /></RequirePermission> },
          { path: 'account', element: <AccountPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
