import type { RouteObject } from 'react-router';
import { OrgPage } from './OrgPage';
import { PeoplePage } from './PeoplePage';
import { PersonPage } from './PersonPage';
import { UnitPage } from './UnitPage';

/** The organisation area's pages; the shell mounts them inside its signed-in layout. */
export const orgRoutes: RouteObject[] = [
  { path: 'org', element: <OrgPage /> },
  { path: 'org/units/:id', element: <UnitPage /> },
  { path: 'people', element: <PeoplePage /> },
  { path: 'people/:id', element: <PersonPage /> },
];
