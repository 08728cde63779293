import type { RouteObject } from 'react-router';
import { AutomationPage } from './AutomationPage';
import { CodeListsPage } from './CodeListsPage';
import { ImportPage } from './ImportPage';
import { PortalHomePage } from './PortalHomePage';
import { ProcessPortalPage } from './ProcessPortalPage';
import { RoleGapPage, RoleGapsPage } from './RoleGapsPage';
import { SearchPage } from './SearchPage';

export const portalRoutes: RouteObject[] = [
  { path: 'portal', element: <PortalHomePage /> },
  { path: 'portal/search', element: <SearchPage /> },
  { path: 'portal/processes/:id', element: <ProcessPortalPage /> },
  { path: 'portal/automation', element: <AutomationPage /> },
  { path: 'portal/role-gaps', element: <RoleGapsPage /> },
  { path: 'portal/role-gaps/:id', element: <RoleGapPage /> },
  { path: 'portal/import', element: <ImportPage /> },
  { path: 'portal/code-lists', element: <CodeListsPage /> },
];
