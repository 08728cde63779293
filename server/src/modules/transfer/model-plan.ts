/**
 * Checks a file of services, information objects, integrations or technology against the model
 * and works out what to create and update. The same rules for all four kinds, read from their
 * declarations in model-format.ts. Pure.
 */
import type { FileProblem } from './columns.ts';
import { targetNouns, type ModelFormat, type ModelRow, type ReferenceTarget } from './model-format.ts';
import { sameValue, type PlanOptions, type RowAction, type RowChange } from './plan.ts';

export type Resolved = { ok: true; id: string } | { ok: false; problem: 'unknown' | 'ambiguous'; suggestion?: string };

/** Objects another column may name: by name, by path (processes), or by id where a name repeats. */
export interface NameIndex {
  resolve(text: string): Resolved;
  /** What export writes for an object: its name where that finds it alone, else its path, else its id. */
  label(id: string): string | undefined;
  has(id: string): boolean;
}

export function nameIndex(items: readonly { id: string; name: string; path?: string }[]): NameIndex {
  const byKey = new Map<string, string[]>();
  const byId = new Map<string, { name: string; path?: string }>();
  const byFolded = new Map<string, string>();
  const add = (key: string, id: string) => {
    const ids = byKey.get(key);
    if (!ids) byKey.set(key, [id]);
    else if (!ids.includes(id)) ids.push(id);
  };
  for (const item of items) {
    byId.set(item.id, item);
    add(item.name, item.id);
    if (item.path && item.path !== item.name) add(item.path, item.id);
    byFolded.set(item.name.toLocaleLowerCase('nb'), item.name);
  }
  // A key written in a list cell must read back as itself: alone, trimmed, and without `;`.
  const usable = (key: string | undefined) => key !== undefined && byKey.get(key)?.length === 1 && key === key.trim() && !/[;\n]/.test(key);
  return {
    resolve(text) {
      const ids = byKey.get(text);
      if (ids?.length === 1) return { ok: true, id: ids[0]! };
      if (ids) return { ok: false, problem: 'ambiguous' };
      if (byId.has(text)) return { ok: true, id: text };
      const suggestion = byFolded.get(text.toLocaleLowerCase('nb'));
      return { ok: false, problem: 'unknown', ...(suggestion ? { suggestion } : {}) };
    },
    label(id) {
      const item = byId.get(id);
      if (!item) return undefined;
      if (usable(item.name)) return item.name;
      if (usable(item.path)) return item.path;
      return id;
    },
    has: (id) => byId.has(id),
  };
}

export interface StoredModelObject {
  id: string;
  name: string;
  /** Each field of the format, as stored (ids for references). */
  values: Record<string, string | null>;
  /** Each link of the format: the ids it points to. */
  links: Record<string, string[]>;
}

export interface ModelState {
  objects: StoredModelObject[];
  personIdByNumber: ReadonlyMap<string, string>;
  unitIdByCode: ReadonlyMap<string, string>;
  references: Partial<Record<ReferenceTarget, NameIndex>>;
}

export interface ModelWrite {
  id: string;
  isNew: boolean;
  name: string;
  values: Record<string, string | null>;
  /** Only the links that change. */
  links: Record<string, { add: string[]; remove: string[] }>;
}

export interface ModelPlan {
  changes: RowChange[];
  writes: ModelWrite[];
}

export function planModel(
  format: ModelFormat,
  rows: readonly ModelRow[],
  state: ModelState,
  headerOf: (key: string) => string,
  report: (problem: FileProblem) => void,
  { newId = () => crypto.randomUUID(), checkOnly = false }: PlanOptions = {},
): ModelPlan {
  const { noun } = format;
  const byId = new Map(state.objects.map((object) => [object.id, object]));
  const byName = new Map<string, StoredModelObject[]>();
  for (const object of state.objects) byName.set(object.name, [...(byName.get(object.name) ?? []), object]);
  const firstOfName = new Map<string, { line: number; hasId: boolean }>();
  const lineOfId = new Map<string, number>();
  const lineOfObject = new Map<string, number>();
  const plan: ModelPlan = { changes: [], writes: [] };

  for (const row of rows) {
    let bad = false;
    const fail = (field: string, message: string) => {
      report({ line: row.line, field: headerOf(field), message });
      bad = true;
    };
    const name = row.name!;

    // 1. Which object the row is: by id when it has one, else by name. The model allows two
    // objects of the same name, so a file may too, as long as each such row has its id.
    const earlier = firstOfName.get(name);
    if (!earlier) firstOfName.set(name, { line: row.line, hasId: Boolean(row.id) });
    else if (!row.id || !earlier.hasId) fail('name', `«${name}» står også på linje ${earlier.line}`);
    let stored: StoredModelObject | undefined;
    let sameIdEarlier = false;
    if (row.id) {
      const earlierId = lineOfId.get(row.id);
      sameIdEarlier = earlierId !== undefined;
      if (sameIdEarlier) fail('id', `Samme id står også på linje ${earlierId}`);
      else lineOfId.set(row.id, row.line);
      stored = byId.get(row.id);
      if (!stored) fail('id', `Fant ikke en ${noun.one} med denne id-en her. Tøm id-cellen for å registrere den som ny`);
    } else {
      const namesakes = byName.get(name) ?? [];
      if (namesakes.length > 1) fail('name', `Flere ${noun.many} heter «${name}». Skriv id-en fra en eksport i id-kolonnen`);
      else stored = namesakes[0];
    }
    if (stored && !sameIdEarlier) {
      const other = lineOfObject.get(stored.id);
      if (other !== undefined) fail(row.id ? 'id' : 'name', `Raden gjelder samme ${noun.one} som linje ${other}`);
      else lineOfObject.set(stored.id, row.line);
    }

    const reference = (field: string, target: ReferenceTarget, text: string): string | null => {
      const index = state.references[target];
      const found: Resolved = index?.resolve(text) ?? { ok: false, problem: 'unknown' };
      if (found.ok) return found.id;
      const words = targetNouns[target];
      if (found.problem === 'ambiguous') {
        const instead = target === 'processes' ? 'hele stien (Overordnet prosess / Prosess) eller id-en' : 'id-en fra en eksport';
        fail(field, `Flere ${words.many} heter «${text}». Skriv ${instead} i stedet`);
      } else {
        fail(field, `Fant ikke ${words.the} «${text}»${found.suggestion ? `. Mente du «${found.suggestion}»?` : ''}`);
      }
      return null;
    };

    // 2. Each value: a column the file lacks keeps what is stored; an empty cell clears it.
    const values: Record<string, string | null> = {};
    for (const field of format.fields) {
      const cell = row[field.key] as string | null | undefined;
      const current = stored ? (stored.values[field.key] ?? null) : null;
      switch (field.type) {
        case 'text': {
          // Cells are read trimmed; a stored value with spaces around it is still the same value.
          const wanted = cell === undefined ? (current ?? '') : (cell ?? '');
          values[field.key] = current !== null && current.trim() === wanted ? current : wanted;
          break;
        }
        case 'choice':
          values[field.key] = cell ?? current ?? field.fallback;
          break;
        case 'person':
        case 'unit': {
          if (cell === undefined || cell === null) {
            values[field.key] = cell === undefined ? current : null;
            break;
          }
          const id = (field.type === 'person' ? state.personIdByNumber : state.unitIdByCode).get(cell);
          if (!id) fail(field.key, field.type === 'person' ? `Fant ingen person med ansattnummer «${cell}»` : `Fant ingen enhet med enhetskode «${cell}»`);
          values[field.key] = id ?? null;
          break;
        }
        case 'reference':
          if (cell === undefined) {
            if (!stored) fail(field.key, `Må fylles ut for en ny ${noun.one}`);
            values[field.key] = current;
          } else if (cell === null) {
            // The cell was empty or unreadable, and its check said so already.
            bad = true;
            values[field.key] = current;
          } else {
            values[field.key] = reference(field.key, field.target, cell);
          }
          break;
      }
    }

    // 3. Each set of links: the names in the cell replace the links (an empty cell removes them).
    const links: ModelWrite['links'] = {};
    for (const link of format.links) {
      const cell = row[link.key] as string[] | null | undefined;
      if (cell === undefined) continue;
      const wanted = new Set<string>();
      for (const text of cell ?? []) {
        const id = reference(link.key, link.target, text);
        if (id) wanted.add(id);
      }
      const current = new Set(stored?.links[link.key] ?? []);
      const add = [...wanted].filter((id) => !current.has(id));
      const remove = [...current].filter((id) => !wanted.has(id));
      if (add.length || remove.length) links[link.key] = { add, remove };
    }
    if (bad || checkOnly) continue;

    const sameName = stored !== undefined && stored.name.trim() === name;
    const changed = !stored || !sameName || format.fields.some((field) => !sameValue(stored.values[field.key], values[field.key]));
    const action: RowAction = !stored ? 'create' : changed || Object.keys(links).length > 0 ? 'update' : 'unchanged';
    plan.changes.push({ line: row.line, action, label: name });
    if (action !== 'unchanged') plan.writes.push({ id: stored?.id ?? newId(), isNew: !stored, name: sameName ? stored!.name : name, values, links });
  }
  return plan;
}
