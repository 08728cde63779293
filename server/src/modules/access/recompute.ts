/**
 * Recompute: read the role model and people, run the engine, compare with the stored desired state,
 * write the difference and hand it to provisioning — all in the caller's tenant transaction, so the
 * stored state and the queued work can never disagree.
 */
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/database/connection.ts';
import { computePeople, computePerson, prepareModel, type PreparedModel } from './engine/compute.ts';
import { canonicalDesiredState, countDesired, diffDesired, type StoredEntitlement } from './engine/diff.ts';
import type { PersonDesired } from './engine/model.ts';
import type { AssignmentSource, PersonInput, RoleModelInput } from './engine/model.ts';
import { submitChanges, type EntitlementChange, type SubmitOrigin } from './provisioning-port.ts';

async function rows<T>(tx: Executor, query: SQL): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A PostgreSQL array literal of uuids, so a list is one parameter on both drivers. */
export function uuidArray(ids: readonly string[]): string {
  for (const id of ids) if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Error(`Not a uuid: ${id}`);
  return `{${ids.join(',')}}`;
}

export interface LoadedModel extends RoleModelInput {
  businessRoleNames: Map<string, string>;
}

export async function loadRoleModel(tx: Executor): Promise<LoadedModel> {
  const [units, rules, roles, links, requirements, systemRoles] = await Promise.all([
    rows<{ id: string; parent_id: string | null }>(tx, sql`select id, parent_id from org_units`),
    rows<{ id: string; business_role_id: string; org_unit_id: string | null; include_sub_units: boolean; position_id: string | null }>(
      tx,
      sql`select id, business_role_id, org_unit_id, include_sub_units, position_id from assignment_rules`,
    ),
    rows<{ id: string; name: string }>(tx, sql`select id, name from business_roles`),
    rows<{ business_role_id: string; system_role_id: string }>(tx, sql`select business_role_id, system_role_id from business_role_system_roles`),
    rows<{ business_role_id: string; competence_id: string }>(tx, sql`select business_role_id, competence_id from role_competence_requirements`),
    rows<{ id: string; sensitivity: string }>(tx, sql`select id, sensitivity from system_roles`),
  ]);
  return assemble(units, rules, roles, links, requirements, systemRoles);
}

function assemble(
  units: { id: string; parent_id: string | null }[],
  rules: { id: string; business_role_id: string; org_unit_id: string | null; include_sub_units: boolean; position_id: string | null }[],
  roles: { id: string; name: string }[],
  links: { business_role_id: string; system_role_id: string }[],
  requirements: { business_role_id: string; competence_id: string }[],
  systemRoles: { id: string; sensitivity: string }[],
): LoadedModel {
  const systemRolesOf = new Map<string, string[]>();
  for (const link of links) (systemRolesOf.get(link.business_role_id) ?? systemRolesOf.set(link.business_role_id, []).get(link.business_role_id)!).push(link.system_role_id);
  const requiredOf = new Map<string, string[]>();
  for (const req of requirements) (requiredOf.get(req.business_role_id) ?? requiredOf.set(req.business_role_id, []).get(req.business_role_id)!).push(req.competence_id);
  return {
    units: units.map((unit) => ({ id: unit.id, parentId: unit.parent_id })),
    rules: rules.map((rule) => ({
      id: rule.id,
      businessRoleId: rule.business_role_id,
      orgUnitId: rule.org_unit_id,
      includeSubUnits: rule.include_sub_units,
      positionId: rule.position_id,
    })),
    businessRoles: roles.map((role) => ({ id: role.id, systemRoleIds: systemRolesOf.get(role.id) ?? [], requiredCompetenceIds: requiredOf.get(role.id) ?? [] })),
    systemRoles: systemRoles.map((role) => ({ id: role.id, sensitive: role.sensitivity === 'sensitive' })),
    businessRoleNames: new Map(roles.map((role) => [role.id, role.name])),
  };
}

/**
 * The part of the role model a few people can reach: the ancestry of their units, the rules on
 * those units (or on none), and the system roles and requirements of the business roles those
 * rules and their assignments give. An event then reads a few dozen rows, not the whole model.
 */
export async function loadRoleModelFor(tx: Executor, people: readonly PersonInput[]): Promise<LoadedModel> {
  const unitIds = [...new Set(people.flatMap((person) => person.employments.map((e) => e.orgUnitId)))];
  const units = unitIds.length
    ? await rows<{ id: string; parent_id: string | null }>(
        tx,
        sql`with recursive up as (
              select id, parent_id from org_units where id = any(${uuidArray(unitIds)}::uuid[])
              union
              select u.id, u.parent_id from org_units u join up on u.id = up.parent_id)
            select id, parent_id from up`,
      )
    : [];
  const rules = await rows<{ id: string; business_role_id: string; org_unit_id: string | null; include_sub_units: boolean; position_id: string | null }>(
    tx,
    sql`select id, business_role_id, org_unit_id, include_sub_units, position_id from assignment_rules
        where org_unit_id is null or org_unit_id = any(${uuidArray(units.map((u) => u.id))}::uuid[])`,
  );
  const roleIds = [...new Set([...rules.map((r) => r.business_role_id), ...people.flatMap((p) => p.assignments.map((a) => a.businessRoleId))])];
  const roleList = uuidArray(roleIds);
  const [roles, links, requirements] = await Promise.all([
    rows<{ id: string; name: string }>(tx, sql`select id, name from business_roles where id = any(${roleList}::uuid[])`),
    rows<{ business_role_id: string; system_role_id: string; sensitivity: string }>(
      tx,
      sql`select l.business_role_id, l.system_role_id, s.sensitivity from business_role_system_roles l
          join system_roles s on s.id = l.system_role_id where l.business_role_id = any(${roleList}::uuid[])`,
    ),
    rows<{ business_role_id: string; competence_id: string }>(
      tx,
      sql`select business_role_id, competence_id from role_competence_requirements where business_role_id = any(${roleList}::uuid[])`,
    ),
  ]);
  const sensitivity = new Map(links.map((link) => [link.system_role_id, link.sensitivity]));
  return assemble(
    units,
    rules,
    roles,
    links,
    requirements,
    [...sensitivity].map(([id, value]) => ({ id, sensitivity: value })),
  );
}

/** People with what the engine needs as of `today`; `personIds` null = everyone. */
export async function loadPeople(tx: Executor, today: string, personIds: readonly string[] | null): Promise<PersonInput[]> {
  const only = (column: string) => (personIds ? sql` and ${sql.raw(column)} = any(${uuidArray(personIds)}::uuid[])` : sql``);
  const [persons, employments, assignments, competences] = await Promise.all([
    rows<{ id: string }>(tx, personIds ? sql`select id from persons where id = any(${uuidArray(personIds)}::uuid[])` : sql`select id from persons`),
    rows<{ person_id: string; org_unit_id: string; position_id: string | null; start_date: string; end_date: string | null }>(
      tx,
      sql`select person_id, org_unit_id, position_id, start_date::text as start_date, end_date::text as end_date
          from employments where start_date <= ${today}::date and (end_date is null or end_date >= ${today}::date)${only('person_id')}`,
    ),
    rows<{ id: string; person_id: string; business_role_id: string; source: AssignmentSource; request_id: string | null; valid_from: string; valid_to: string | null }>(
      tx,
      sql`select id, person_id, business_role_id, source, request_id, valid_from::text as valid_from, valid_to::text as valid_to
          from role_assignments where valid_from <= ${today}::date and (valid_to is null or valid_to >= ${today}::date)${only('person_id')}`,
    ),
    rows<{ person_id: string; competence_id: string; expires_on: string | null }>(
      tx,
      sql`select person_id, competence_id, expires_on::text as expires_on from person_competences where true${only('person_id')}`,
    ),
  ]);
  const people = new Map<string, PersonInput>(persons.map((p) => [p.id, { id: p.id, employments: [], assignments: [], competences: [] }]));
  for (const e of employments) people.get(e.person_id)?.employments.push({ orgUnitId: e.org_unit_id, positionId: e.position_id, startDate: e.start_date, endDate: e.end_date });
  for (const a of assignments)
    people.get(a.person_id)?.assignments.push({ id: a.id, businessRoleId: a.business_role_id, source: a.source, requestId: a.request_id, validFrom: a.valid_from, validTo: a.valid_to });
  for (const c of competences) people.get(c.person_id)?.competences.push({ competenceId: c.competence_id, expiresOn: c.expires_on });
  return [...people.values()];
}

export async function loadStored(tx: Executor, personIds: readonly string[] | null): Promise<Map<string, StoredEntitlement[]>> {
  const stored = await rows<{ person_id: string; system_role_id: string; state: 'active' | 'held'; reason_key: string }>(
    tx,
    personIds
      ? sql`select person_id, system_role_id, state, reason_key from desired_entitlements where person_id = any(${uuidArray(personIds)}::uuid[])`
      : sql`select person_id, system_role_id, state, reason_key from desired_entitlements`,
  );
  const byPerson = new Map<string, StoredEntitlement[]>();
  for (const row of stored) {
    const entry = { systemRoleId: row.system_role_id, state: row.state, reasonKey: row.reason_key };
    const list = byPerson.get(row.person_id);
    if (list) list.push(entry);
    else byPerson.set(row.person_id, [entry]);
  }
  return byPerson;
}

/**
 * One digest per person of the stored desired state (md5 of `canonicalDesiredState`'s text, built
 * by the database): a full run reads 100,000 digests instead of a million rows.
 */
export async function loadStoredDigests(tx: Executor): Promise<Map<string, string>> {
  const digests = await rows<{ person_id: string; digest: string }>(
    tx,
    sql`select person_id, md5(string_agg(system_role_id::text || ':' || state || ':' || reason_key, ',' order by system_role_id)) as digest
        from desired_entitlements group by person_id`,
  );
  return new Map(digests.map((row) => [row.person_id, row.digest]));
}

/** The digest `loadStoredDigests` gives for the same state. */
export function desiredStateDigest(person: PersonDesired): string {
  return person.entitlements.length === 0 ? '' : createHash('md5').update(canonicalDesiredState(person.entitlements)).digest('hex');
}

/** A few people's desired state, all of it compared with their stored rows. */
async function computeFew(tx: Executor, model: PreparedModel, people: readonly PersonInput[], personIds: readonly string[], today: string) {
  const computed = computePeople(model, people, today);
  return { changed: computed, stored: await loadStored(tx, personIds), totals: countDesired(computed) };
}

/**
 * Everyone's desired state, keeping only the people whose state differs from what is stored (by
 * digest), with what is stored for them. The unchanged majority is dropped as soon as it is
 * computed, so a full run never holds a million entitlements at once.
 */
async function computeChanged(
  tx: Executor,
  model: PreparedModel,
  people: readonly PersonInput[],
  today: string,
  phases: PhaseTimer,
): Promise<{ changed: PersonDesired[]; stored: Map<string, StoredEntitlement[]>; totals: { entitlements: number; held: number } }> {
  const digests = await loadStoredDigests(tx);
  phases.mark('digests');
  const changed: PersonDesired[] = [];
  const totals = { entitlements: 0, held: 0 };
  for (const person of people) {
    const desired = computePerson(model, person, today);
    totals.entitlements += desired.entitlements.length;
    for (const entitlement of desired.entitlements) if (entitlement.state === 'held') totals.held++;
    if (desiredStateDigest(desired) !== (digests.get(person.id) ?? '')) changed.push(desired);
  }
  phases.mark('compute');
  const stored = new Map<string, StoredEntitlement[]>();
  for (let i = 0; i < changed.length; i += 10_000) {
    for (const [personId, list] of await loadStored(tx, changed.slice(i, i + 10_000).map((person) => person.personId))) stored.set(personId, list);
  }
  return { changed, stored, totals };
}

const chunkSize = 2000;

export interface RecomputeOutcome {
  peopleCount: number;
  counts: { grant: number; revoke: number; reasonChange: number; held: number; entitlements: number };
  batch: { batchId: string; state: 'released' | 'held' } | null;
}

export interface RecomputeOptions {
  today: string;
  /** null = everyone (a full run). */
  personIds: readonly string[] | null;
  origin: SubmitOrigin;
  /** The people changed through a SCIM push (the municipality may want such changes reviewed). */
  source?: 'scim';
  progress?: (done: number, total: number) => Promise<void>;
}

/** Runs the engine and applies its difference. Call inside `inTenant`. */
export async function recomputeInTransaction(tx: Executor, options: RecomputeOptions): Promise<RecomputeOutcome> {
  // One recompute per municipality at a time: two concurrent diffs against the same stored state
  // would both queue the same grant.
  await tx.execute(sql`select pg_advisory_xact_lock(7431003, hashtext(current_setting('app.tenant_id', true)))`);
  const { personIds, today } = options;
  const phases = new PhaseTimer();
  const people = await loadPeople(tx, today, personIds);
  const model = personIds ? await loadRoleModelFor(tx, people) : await loadRoleModel(tx);
  phases.mark('load');
  // People removed since the last run have no rows left (cascade); people not in `persons` but asked for have nothing.
  if (personIds) {
    const known = new Set(people.map((person) => person.id));
    for (const id of personIds) if (!known.has(id)) people.push({ id, employments: [], assignments: [], competences: [] });
  }
  await options.progress?.(0, people.length);
  const prepared = prepareModel(model);
  // A few people: computed and compared row by row. Everyone: compared by digest first.
  const { changed, stored, totals } = personIds
    ? await computeFew(tx, prepared, people, personIds, today)
    : await computeChanged(tx, prepared, people, today, phases);
  const diff = diffDesired(stored, changed);
  diff.counts = { ...diff.counts, ...totals };
  phases.mark('diff');
  await options.progress?.(Math.floor(people.length / 2), people.length);

  for (let i = 0; i < diff.upserts.length; i += chunkSize) {
    const chunk = diff.upserts.slice(i, i + chunkSize).map(({ personId, entitlement }) => ({
      person_id: personId,
      system_role_id: entitlement.systemRoleId,
      state: entitlement.state,
      reasons: entitlement.reasons,
      reason_key: entitlement.reasonKey,
    }));
    await tx.execute(sql`
      insert into desired_entitlements (tenant_id, person_id, system_role_id, state, reasons, reason_key)
      select grunnmur_current_tenant(), x.person_id, x.system_role_id, x.state, x.reasons, x.reason_key
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(person_id uuid, system_role_id uuid, state text, reasons jsonb, reason_key text)
      on conflict (tenant_id, person_id, system_role_id) do update
        set state = excluded.state, reasons = excluded.reasons, reason_key = excluded.reason_key, updated_at = now()`);
  }
  for (let i = 0; i < diff.removals.length; i += chunkSize) {
    const chunk = diff.removals.slice(i, i + chunkSize).map((r) => ({ person_id: r.personId, system_role_id: r.systemRoleId }));
    await tx.execute(sql`
      delete from desired_entitlements d
      using jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(person_id uuid, system_role_id uuid)
      where d.person_id = x.person_id and d.system_role_id = x.system_role_id`);
  }

  phases.mark('write');
  const reasonOf = new Map<string, string>();
  for (const { personId, entitlements } of changed)
    for (const entitlement of entitlements) {
      const first = entitlement.reasons[0];
      if (first) reasonOf.set(`${personId}:${entitlement.systemRoleId}`, describeReason(first.kind, model.businessRoleNames.get(first.businessRoleId) ?? ''));
    }
  const changes: EntitlementChange[] = diff.changes.map((change) => ({
    ...change,
    reason: change.action === 'grant' ? (reasonOf.get(`${change.personId}:${change.systemRoleId}`) ?? 'Tildelt') : revokeReason(reasonOf.has(`${change.personId}:${change.systemRoleId}`)),
  }));
  const batch = await submitChanges(tx, options.origin, changes, options.source);
  phases.mark('submit');
  phases.report(personIds ? 'people' : 'full');
  await options.progress?.(people.length, people.length);
  return { peopleCount: people.length, counts: diff.counts, batch };
}

function describeReason(kind: string, roleName: string): string {
  const how = { rule: 'tildelingsregel', request: 'godkjent søknad', manual: 'manuell tildeling', delegation: 'stedfortrederskap' }[kind] ?? kind;
  return `Forretningsrollen «${roleName}» (${how})`;
}

function revokeReason(stillDesiredButHeld: boolean): string {
  return stillDesiredButHeld ? 'Holdt tilbake: påkrevd kompetanse mangler' : 'Ikke lenger begrunnet av regel eller tildeling';
}

/** With GRUNNMUR_ACCESS_TIMING=1, prints where a recompute spent its time (for the benchmark). */
class PhaseTimer {
  private last = performance.now();
  private readonly phases: string[] = [];
  mark(name: string): void {
    const now = performance.now();
    this.phases.push(`${name} ${Math.round(now - this.last)} ms`);
    this.last = now;
  }
  report(kind: string): void {
    if (process.env.GRUNNMUR_ACCESS_TIMING) console.log(`access recompute (${kind}): ${this.phases.join(', ')}`);
  }
}
