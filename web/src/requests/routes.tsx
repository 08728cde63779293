import type { RouteObject } from 'react-router';
import { CataloguePage } from './CataloguePage';
import { DeputiesPage } from './DeputiesPage';
import { InboxPage } from './InboxPage';
import { MyRequestsPage } from './MyRequestsPage';
import { RequestsLayout } from './RequestsLayout';

/** Self-service access requests; the shell mounts them inside its signed-in layout. */
export const requestRoutes: RouteObject[] = [
  {
    path: 'requests',
    element: <RequestsLayout />,
    children: [
      { index: true, element: <CataloguePage /> },
      { path: 'mine', element: <MyRequestsPage /> },
      { path: 'inbox', element: <InboxPage /> },
      { path: 'deputies', element: <DeputiesPage /> },
    ],
  },
];
