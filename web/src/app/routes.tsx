import { createBrowserRouter, type RouteObject } from 'react-router';
import { accessRoutes } from '../access/routes';
import { AuditLogPage } from '../audit/AuditLogPage';
import { SignInPage } from '../auth/SignInPage';
import { SystemEditPage } from '../catalogue/SystemEditPage';
import { SystemListPage } from '../catalogue/SystemListPage';
import { SystemPage } from '../catalogue/SystemPage';
import { documentRoutes } from '../documents/routes';
import { mapRoutes } from '../map/routes';
import { orgRoutes } from '../org/routes';
import { portalRoutes } from '../portal/routes';
import { processRoutes } from '../processes/routes';
import { identityRoutes } from '../identity/routes';
import { provisioningRoutes } from '../provisioning/routes';
import { requestRoutes } from '../requests/routes';
import { scimRoutes } from '../scim/routes';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { OverviewPage } from './OverviewPage';
import { RouteError } from './RouteError';

export const appRoutes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      {
        // A page that fails shows its error inside the shell, so the navigation stays usable.
        errorElement: <RouteError inShell />,
        children: [
          { index: true, element: <OverviewPage /> },
          { path: 'systems', element: <SystemListPage /> },
          { path: 'systems/new', element: <SystemEditPage /> },
          { path: 'systems/:id', element: <SystemPage /> },
          { path: 'systems/:id/edit', element: <SystemEditPage /> },
          { path: 'audit', element: <AuditLogPage /> },
          ...orgRoutes,
          ...portalRoutes,
          ...processRoutes,
          ...documentRoutes,
          ...mapRoutes,
          ...requestRoutes,
          ...provisioningRoutes,
          ...identityRoutes,
          ...scimRoutes,
          ...accessRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(appRoutes);
