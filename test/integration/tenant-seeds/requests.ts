import { randomUUID } from 'node:crypto';
import type { Executor } from '../../../server/src/platform/database/connection.ts';
import { accessRequests, approvalSteps, deputies } from '../../../server/src/modules/requests/tables.ts';

/** One request with its manager step, and one deputy arrangement, marked with `mark`. */
export async function seedTenant(db: Executor, tenantId: string, mark: string, base: Record<string, string[]>): Promise<Record<string, string[]>> {
  const [manager, employee] = base.persons as [string, string];
  const [request] = await db
    .insert(accessRequests)
    .values({
      tenantId,
      requesterPersonId: employee,
      forPersonId: employee,
      businessRoleId: base.business_roles?.[0] ?? randomUUID(),
      businessRoleName: `${mark} rolle`,
      reason: `${mark} begrunnelse`,
      wantedFrom: '2026-01-01',
    })
    .returning();
  const [step] = await db
    .insert(approvalSteps)
    .values({ tenantId, requestId: request!.id, position: 0, kind: 'manager', approverPersonId: manager, comment: `${mark} kommentar` })
    .returning();
  const [deputy] = await db
    .insert(deputies)
    .values({ tenantId, managerPersonId: manager, deputyPersonId: employee, validFrom: '2026-01-01', validTo: '2026-02-01', reason: `${mark} ferie` })
    .returning();
  return { access_requests: [request!.id], approval_steps: [step!.id], deputies: [deputy!.id] };
}
