import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { canAddCentres, canManageUsers, canReadAllReports, canReadAnalytics, canReadAudit, canReviewReports } from '../features/auth/permissions';
import { RequirePermission } from '../features/auth/RequirePermission';
import { RequireSession } from '../features/auth/RequireSession';
import { canEditClubTypes, canEditPrograms } from '../features/catalogue/catalogue-permissions';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';
import { NotFoundPage } from './routes/NotFoundPage';
import { RouteErrorPage } from './routes/RouteErrorPage';

// Pages are separate chunks, fetched when first visited; the layout's Suspense shows a skeleton meanwhile.
const SignInPage = lazy(() => import('../features/auth/SignInPage'));
const OverviewPage = lazy(() => import('../features/overview/OverviewPage'));
const NetworkPage = lazy(() => import('../features/centres/NetworkPage'));
const CentrePage = lazy(() => import('../features/centres/CentrePage'));
const CentreEditPage = lazy(() => import('../features/centres/CentreEditPage'));
const NewCentrePage = lazy(() => import('../features/centres/NewCentrePage'));
const FacilityFormPage = lazy(() => import('../features/centres/FacilityFormPage'));
const ClubPage = lazy(() => import('../features/clubs/ClubPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const NewUserPage = lazy(() => import('../features/users/NewUserPage'));
const UserPage = lazy(() => import('../features/users/UserPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const AccountPage = lazy(() => import('../features/account/AccountPage'));
const CataloguePage = lazy(() => import('../features/catalogue/CataloguePage'));
const NewClubTypePage = lazy(() => import('../features/catalogue/NewClubTypePage'));
const ClubTypePage = lazy(() => import('../features/catalogue/ClubTypePage'));
const NewProgramPage = lazy(() => import('../features/programs/NewProgramPage'));
const ProgramPage = lazy(() => import('../features/programs/ProgramPage'));
const EditProgramPage = lazy(() => import('../features/programs/EditProgramPage'));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage'));
const ReportPage = lazy(() => import('../features/reports/ReportPage'));
const ReviewQueuePage = lazy(() => import('../features/reports/ReviewQueuePage'));
const CompletenessPage = lazy(() => import('../features/reports/CompletenessPage'));
const RolloutPage = lazy(() => import('../features/rollout/RolloutPage'));
const RolloutItemPanel = lazy(() => import('../features/rollout/RolloutItemPanel'));
const AnalyticsPage = lazy(() => import('../features/analytics/AnalyticsPage'));
const WorkbenchPage = lazy(() => import('../features/workbench/WorkbenchPage'));

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
          {
            // The network is open to every role; the forms below check who may change what.
            path: 'centres',
            children: [
              { index: true, element: <NetworkPage /> },
              { path: 'new', element: <RequirePermission check={canAddCentres}><NewCentrePage /></RequirePermission> },
              { path: ':centreId', element: <CentrePage /> },
              { path: ':centreId/edit', element: <CentreEditPage /> },
              { path: ':centreId/spaces/new', element: <FacilityFormPage facility="space" /> },
              { path: ':centreId/spaces/:facilityId', element: <FacilityFormPage facility="space" /> },
              { path: ':centreId/equipment/new', element: <FacilityFormPage facility="equipment" /> },
              { path: ':centreId/equipment/:facilityId', element: <FacilityFormPage facility="equipment" /> },
              { path: ':centreId/clubs/new', element: <ClubPage /> },
              { path: ':centreId/clubs/:clubId', element: <ClubPage /> },
            ],
          },
          {
            path: 'users',
            children: [
              { index: true, element: <RequirePermission check={canManageUsers}><UsersPage /></RequirePermission> },
              { path: 'new', element: <RequirePermission check={canManageUsers}><NewUserPage /></RequirePermission> },
              { path: ':userId', element: <RequirePermission check={canManageUsers}><UserPage /></RequirePermission> },
            ],
          },
          {
            // Every role has a page here: a coordinator their centre's reports, the region the review
            // queue and the grid. A report's page checks whose it is; the API refuses anyway.
            path: 'reports',
            children: [
              { index: true, element: <ReportsPage /> },
              { path: 'review', element: <RequirePermission check={canReviewReports}><ReviewQueuePage /></RequirePermission> },
              { path: 'completeness', element: <RequirePermission check={canReadAllReports}><CompletenessPage /></RequirePermission> },
              { path: ':centreId/:period', element: <ReportPage /> },
            ],
          },
          {
            // Open to every role: the matrix is the whole network's. The panel opens beside the matrix,
            // which stays mounted; who may change an item is the domain's rule (and the API's).
            path: 'rollout',
            element: <RolloutPage />,
            children: [{ path: ':itemId', element: <RolloutItemPanel /> }],
          },
          // The analysts' pages: aggregates and the query workbench (the editor is a chunk of its own).
          { path: 'analytics', element: <RequirePermission check={canReadAnalytics}><AnalyticsPage /></RequirePermission> },
          { path: 'workbench', element: <RequirePermission check={canReadAnalytics}><WorkbenchPage /></RequirePermission> },
          { path: 'audit', element: <RequirePermission check={canReadAudit}><AuditPage /></RequirePermission> },
          { path: 'account', element: <AccountPage /> },
          {
            // Open to every role; changing it is the administrators' (the routes below check again).
            path: 'catalogue',
            children: [
              { index: true, element: <CataloguePage section="club-types" /> },
              { path: 'programs', element: <CataloguePage section="programs" /> },
              // The list of club types lives at /catalogue; an address one level up from a type still works.
              { path: 'club-types', element: <Navigate to="/catalogue" replace /> },
              { path: 'club-types/new', element: <RequirePermission check={canEditClubTypes}><NewClubTypePage /></RequirePermission> },
              { path: 'club-types/:clubTypeId', element: <ClubTypePage /> },
              { path: 'programs/new', element: <RequirePermission check={canEditPrograms}><NewProgramPage /></RequirePermission> },
              { path: 'programs/:programId', element: <ProgramPage /> },
              { path: 'programs/:programId/edit', element: <RequirePermission check={canEditPrograms}><EditProgramPage /></RequirePermission> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
