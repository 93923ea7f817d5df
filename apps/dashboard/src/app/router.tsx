import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './routes/NotFoundPage';
import { RouteErrorPage } from './routes/RouteErrorPage';

// Pages are separate chunks, fetched when first visited; the layout's Suspense shows a skeleton meanwhile.
const OverviewPage = lazy(() => import('../features/overview/OverviewPage'));
const CentresPage = lazy(() => import('../features/centres/CentresPage'));

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      {
        // Below the layout, so a broken page keeps the header, navigation and language switch.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <OverviewPage /> },
          { path: 'centres', element: <CentresPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
