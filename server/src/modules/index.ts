import type { FastifyPluginAsync } from 'fastify';
import { accessRoutes } from './access/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { catalogueRoutes } from './catalogue/routes.ts';
import { classificationRoutes } from './classification/routes.ts';
import { documentRoutes } from './documents/routes.ts';
import { mapRoutes } from './map/routes.ts';
import { archimateRoutes } from './map/archimate/routes.ts';
import { mapReportRoutes } from './map/quality-routes.ts';
import { identityRoutes } from './identity/routes.ts';
import { noticeRoutes } from './notices/routes.ts';
import { orgRoutes } from './org/routes.ts';
import { portalRoutes } from './portal/routes.ts';
import { processRoutes } from './processes/routes.ts';
import { provisioningRoutes } from './provisioning/routes.ts';
import { requestRoutes } from './requests/routes.ts';
import { scimAdminRoutes } from './scim/admin-routes.ts';
import { transferRoutes } from './transfer/routes.ts';

/** Every module's API routes, mounted under /api. A new module adds its routes here. */
export const apiModules: FastifyPluginAsync[] = [authRoutes, auditRoutes, catalogueRoutes, orgRoutes, transferRoutes, requestRoutes, mapRoutes, archimateRoutes, mapReportRoutes, identityRoutes, accessRoutes, processRoutes, provisioningRoutes, documentRoutes, classificationRoutes, portalRoutes, noticeRoutes, scimAdminRoutes];
