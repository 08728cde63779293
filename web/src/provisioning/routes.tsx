import type { RouteObject } from 'react-router';
import { ConnectorsPage } from './ConnectorsPage';
import { HeldPage } from './HeldPage';
import { ManualTasksPage } from './ManualTasksPage';
import { ProvisioningLayout } from './ProvisioningLayout';
import { QueuePage } from './QueuePage';
import { ReconciliationPage } from './ReconciliationPage';

/** Provisioning [provisjonering]; the shell mounts it inside its signed-in layout. */
export const provisioningRoutes: RouteObject[] = [
  {
    path: 'provisioning',
    element: <ProvisioningLayout />,
    children: [
      { index: true, element: <QueuePage /> },
      { path: 'held', element: <HeldPage /> },
      { path: 'manual', element: <ManualTasksPage /> },
      { path: 'connectors', element: <ConnectorsPage /> },
      { path: 'reconciliation', element: <ReconciliationPage /> },
    ],
  },
];
