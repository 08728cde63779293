import type { RouteObject } from 'react-router';

// Placeholder until the org pages land; the org engineer replaces this file.
export const orgRoutes: RouteObject[] = [];
