import type { RouteObject } from 'react-router';
import { MapPage } from './MapPage';
import { ModelPage } from './ModelPage';
import { MatricesPage, QualityPage } from './ReportPages';
import { ViewPage, ViewsPage } from './ViewsPage';
import './map.css';

export const mapRoutes: RouteObject[] = [
  { path: 'map', element: <MapPage /> },
  { path: 'map/model', element: <ModelPage /> },
  { path: 'map/model/:kind', element: <ModelPage /> },
  { path: 'map/matrices', element: <MatricesPage /> },
  { path: 'map/quality', element: <QualityPage /> },
  { path: 'map/views', element: <ViewsPage /> },
  { path: 'map/views/:id', element: <ViewPage /> },
];
