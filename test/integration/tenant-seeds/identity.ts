import type { Executor } from '../../../server/src/platform/database/connection.ts';
import { guestSponsorships, hrImportRuns, identityNotices, identitySettings, scheduledChanges } from '../../../server/src/modules/identity/tables.ts';
import { persons } from '../../../server/src/modules/org/tables.ts';

export async function seedTenant(db: Executor, tenantId: string, mark: string, base: Record<string, string[]>): Promise<Record<string, string[]>> {
  const personId = base.persons![0]!;
  const sponsorId = base.persons![1] ?? personId;
  const [guest] = await db.insert(persons).values({ tenantId, employeeNumber: `G-${mark}`, givenName: mark, familyName: 'Gjest', kind: 'guest', username: `gjest-${mark}` }).returning();
  const [change] = await db
    .insert(scheduledChanges)
    .values({ tenantId, personId, kind: 'transfer', effectiveDate: '2030-01-01', newOrgUnitId: base.org_units![0]!, newManagerPersonId: sponsorId, note: mark, createdBy: mark })
    .returning();
  const [settings] = await db.insert(identitySettings).values({ tenantId, emailDomain: `${mark}.kommune.no`, reservedWords: [mark] }).returning();
  const [sponsorship] = await db.insert(guestSponsorships).values({ tenantId, personId: guest!.id, sponsorPersonId: sponsorId, endDate: '2030-01-01', purpose: mark }).returning();
  const [notice] = await db.insert(identityNotices).values({ tenantId, personId: sponsorId, kind: 'guest_ending', subjectPersonId: guest!.id, message: mark }).returning();
  const [run] = await db
    .insert(hrImportRuns)
    .values({ tenantId, fileName: `${mark}.csv`, asOf: '2026-11-23', counts: { rows: 0 }, diff: {}, createdBy: mark })
    .returning();
  return {
    scheduled_changes: [change!.id],
    identity_settings: [settings!.id],
    guest_sponsorships: [sponsorship!.id],
    identity_notices: [notice!.id],
    hr_import_runs: [run!.id],
  };
}
