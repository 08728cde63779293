import type { RouteObject } from 'react-router';
import { DocumentPage } from './DocumentPage';

/** Documents [dokumenter]: routines, templates and forms with their versions. */
export const documentRoutes: RouteObject[] = [{ path: 'documents/:id', element: <DocumentPage /> }];
