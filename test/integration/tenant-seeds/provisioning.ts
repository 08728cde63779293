import { systemRoles } from '../../../server/src/modules/access/tables.ts';
import {
  provisioningBatches,
  provisioningOperations,
  provisioningSettings,
  reconciliationFindings,
  reconciliationRuns,
  systemConnectorSecrets,
  systemConnectors,
  targetAccountRoles,
  targetAccounts,
} from '../../../server/src/modules/provisioning/tables.ts';
import type { Executor } from '../../../server/src/platform/database/connection.ts';

/** One row in each provisioning table for a tenant; text columns carry `mark`. */
export async function seedTenant(db: Executor, tenantId: string, mark: string, base: Record<string, string[]>): Promise<Record<string, string[]>> {
  const systemId = base.systems![0]!;
  const personId = base.persons![1]!;
  let roleId = base.system_roles?.[0];
  if (!roleId) {
    const [role] = await db.insert(systemRoles).values({ tenantId, systemId, name: `${mark} provisjoneringsrolle`, targetGroup: `cn=${mark}` }).returning();
    roleId = role!.id;
  }
  const [connector] = await db.insert(systemConnectors).values({ tenantId, systemId, kind: 'ldap', settings: { url: `ldap://${mark}.invalid`, note: mark } }).returning();
  const [secret] = await db.insert(systemConnectorSecrets).values({ tenantId, connectorId: connector!.id, secrets: { bindPassword: mark } }).returning();
  const [batch] = await db.insert(provisioningBatches).values({ tenantId, origin: 'person_event', state: 'held', holdReason: mark }).returning();
  const [operation] = await db
    .insert(provisioningOperations)
    .values({ tenantId, batchId: batch!.id, personId, systemId, systemRoleId: roleId, action: 'grant', state: 'held', reason: mark, idempotencyKey: `${mark}-key` })
    .returning();
  const [account] = await db.insert(targetAccounts).values({ tenantId, systemId, personId, username: `${mark}.bruker`, externalId: mark }).returning();
  const [accountRole] = await db.insert(targetAccountRoles).values({ tenantId, accountId: account!.id, systemRoleId: roleId }).returning();
  const [settings] = await db.insert(provisioningSettings).values({ tenantId }).returning();
  const [run] = await db.insert(reconciliationRuns).values({ tenantId, systemId, source: 'csv', state: 'completed', startedBy: mark }).returning();
  const [finding] = await db
    .insert(reconciliationFindings)
    .values({ tenantId, runId: run!.id, systemId, kind: 'orphan_account', accountId: account!.id, username: `${mark}.bruker`, detail: mark })
    .returning();
  return {
    ...(base.system_roles ? {} : { system_roles: [roleId] }),
    system_connectors: [connector!.id],
    system_connector_secrets: [secret!.id],
    provisioning_batches: [batch!.id],
    provisioning_operations: [operation!.id],
    target_accounts: [account!.id],
    target_account_roles: [accountRole!.id],
    provisioning_settings: [settings!.id],
    reconciliation_runs: [run!.id],
    reconciliation_findings: [finding!.id],
  };
}
