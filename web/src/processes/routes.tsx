import type { RouteObject } from 'react-router';
import { ModellingRulesPage } from './ModellingRulesPage';
import { ProcessesPage } from './ProcessesPage';
import { ProcessPage } from './ProcessPage';

/** The processes area; the modeler (bpmn-js Modeler is large) loads on demand. */
export const processRoutes: RouteObject[] = [
  { path: 'processes', element: <ProcessesPage /> },
  { path: 'processes/rules', element: <ModellingRulesPage /> },
  { path: 'processes/:id', element: <ProcessPage /> },
  { path: 'processes/:id/versions/:versionId/edit', lazy: async () => ({ Component: (await import('./ProcessModelerPage')).ProcessModelerPage }) },
];
