/** The whole Drizzle schema, gathered from the modules' `tables.ts` files. */
export * from '../../modules/tenants/tables.ts';
export * from '../../modules/audit/tables.ts';
export * from '../../modules/auth/tables.ts';
export * from '../../modules/org/tables.ts';
export * from '../../modules/catalogue/tables.ts';
export * from '../../modules/identity/tables.ts';
export * from '../../modules/processes/tables.ts';
export * from '../jobs/tables.ts';
export * from '../../modules/documents/tables.ts';
export * from '../../modules/classification/tables.ts';
export * from '../../modules/access/tables.ts';
export * from '../../modules/scim/tables.ts';
export * from '../../modules/map/tables.ts';
export * from '../../modules/provisioning/tables.ts';
export * from '../../modules/portal/tables.ts';
export * from '../../modules/requests/tables.ts';
