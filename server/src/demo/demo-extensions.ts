import type { Executor } from '../platform/database/connection.ts';
import type { GeneratedMunicipality } from './generate-municipality.ts';
import { accessDemo } from './access-demo.ts';
import { mapDemo } from './map-demo.ts';
import { processesDemo } from './processes-demo.ts';
import { portalDemo } from './portal-demo.ts';
import { identityDemo } from './identity-demo.ts';
import { provisioningDemo } from './provisioning-demo.ts';
import { requestsDemo } from './requests-demo.ts';
import { scimDemo } from './scim-demo.ts';

/**
 * What a module adds to a demo municipality after its organisation, people, systems and users are
 * in: role models, processes, the architecture model… Runs inside the tenant's transaction, in the
 * order listed; must be deterministic (derive randomness from `municipality.tenant.slug`).
 */
export type DemoExtension = (tx: Executor, municipality: GeneratedMunicipality) => Promise<void>;

/** Every module's demo data. A new module adds its extension here. */
export const demoExtensions: DemoExtension[] = [accessDemo, identityDemo, provisioningDemo, requestsDemo, processesDemo, portalDemo, mapDemo, scimDemo];
