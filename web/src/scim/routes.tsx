import type { RouteObject } from 'react-router';
import { ScimPage } from './ScimPage';

/** The SCIM admin page; the shell mounts it inside its signed-in layout. */
export const scimRoutes: RouteObject[] = [{ path: 'settings/scim', element: <ScimPage /> }];
