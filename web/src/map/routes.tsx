import type { RouteObject } from 'react-router';
import { ModelPage } from './ModelPage';
import { MatricesPage, QualityPage } from './ReportPages';
import { ViewPage, ViewsPage } from './ViewsPage';
import './map.css';

export const mapRoutes: RouteObject[] = [
  // Cytoscape and ELK are large; they load only when the map itself is opened.
  { path: 'map', lazy: async () => ({ Component: (await import('./MapPage')).MapPage }) },
  { path: 'map/model', element: <ModelPage /> },
  { path: 'map/model/:kind', element: <ModelPage /> },
  { path: 'map/matrices', element: <MatricesPage /> },
  { path: 'map/quality', element: <QualityPage /> },
  { path: 'map/views', element: <ViewsPage /> },
  { path: 'map/views/:id', element: <ViewPage /> },
];
