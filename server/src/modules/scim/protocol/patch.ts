import { elementMatches, parseFilter, type Filter } from './filter.ts';
import { container, definitionOf, isObject, keyOf, splitAttributePath, type AttributePath, type Resource } from './paths.ts';
import { invalidPath, invalidSyntax, invalidValue, mutability, noTarget } from './scim-error.ts';
import { resourceSchemas, type ResourceKind } from './schemas.ts';

export interface PatchOperation {
  op: string;
  path?: string;
  value?: unknown;
}

interface Target {
  path: AttributePath;
  filter?: Filter;
  /** The sub-attribute after a value filter: `emails[type eq "work"].value` → value. */
  sub?: string;
}

/** `attr`, `attr.sub`, `urn:…:attr`, `attr[filter]` or `attr[filter].sub` (RFC 7644 §3.5.2). */
export function parsePatchPath(kind: ResourceKind, text: string): Target {
  const open = text.indexOf('[');
  if (open === -1) {
    const path = splitAttributePath(kind, text);
    if (path.names.some((name) => !/^[A-Za-z$][\w$-]*$/.test(name)) && path.names.length > 0) throw invalidPath(`«${text}» is not an attribute path.`);
    return { path };
  }
  const close = text.lastIndexOf(']');
  if (close < open) throw invalidPath(`«${text}» has an unclosed value filter.`);
  const path = splitAttributePath(kind, text.slice(0, open));
  const rest = text.slice(close + 1);
  if (rest && !/^\.[A-Za-z$][\w$-]*$/.test(rest)) throw invalidPath(`«${text}» is not an attribute path.`);
  let filter: Filter;
  try {
    filter = parseFilter(text.slice(open + 1, close));
  } catch {
    throw invalidPath(`The value filter in «${text}» could not be parsed.`);
  }
  return { path, filter, sub: rest ? rest.slice(1) : undefined };
}

const readOnlyRoots = new Set(['id', 'meta', 'schemas']);

/**
 * Applies PATCH operations (RFC 7644 §3.5.2) to a copy of the resource's JSON. The result is then
 * stored the same way as a PUT, so PATCH and PUT cannot disagree about what a change means.
 * Operation names are case-insensitive (Entra ID sends "Add", "Replace", "Remove").
 */
export function applyPatch(kind: ResourceKind, resource: Resource, operations: PatchOperation[]): Resource {
  const result = structuredClone(resource);
  for (const operation of operations) {
    const op = String(operation.op ?? '').toLowerCase();
    if (op !== 'add' && op !== 'replace' && op !== 'remove') throw invalidSyntax(`Unknown PATCH operation «${operation.op}».`);
    if (operation.path === undefined || operation.path === '') {
      if (op === 'remove') throw noTarget('A remove operation needs a path.');
      if (!isObject(operation.value)) throw invalidValue(`An ${op} operation without a path needs an object as its value.`);
      for (const [key, value] of Object.entries(operation.value)) {
        if (key.toLowerCase() === 'schemas') continue;
        const extension = resourceSchemas[kind].extensions.find((id) => id.toLowerCase() === key.toLowerCase());
        if (extension && isObject(value)) {
          for (const [name, inner] of Object.entries(value)) apply(kind, result, op, { path: { schema: extension, names: [name] } }, inner);
        } else {
          apply(kind, result, op, { path: splitAttributePath(kind, key) }, value);
        }
      }
      continue;
    }
    const target = parsePatchPath(kind, operation.path);
    if (op !== 'remove' && operation.value === undefined) throw invalidValue(`The ${op} operation on «${operation.path}» has no value.`);
    apply(kind, result, op, target, operation.value);
  }
  return result;
}

function apply(kind: ResourceKind, resource: Resource, op: 'add' | 'replace' | 'remove', target: Target, value: unknown) {
  const { path } = target;
  if (!path.schema && readOnlyRoots.has(path.names[0]?.toLowerCase() ?? '')) throw mutability(`«${path.names.join('.')}» cannot be changed.`);
  if (path.schema && path.names.length === 0) {
    // The whole extension object: treat its attributes one by one.
    if (op === 'remove') {
      const key = keyOf(resource, path.schema);
      if (key) delete resource[key];
      return;
    }
    if (!isObject(value)) throw invalidValue(`The value for «${path.schema}» must be an object.`);
    for (const [name, inner] of Object.entries(value)) apply(kind, resource, op, { path: { schema: path.schema, names: [name] } }, inner);
    return;
  }
  const definition = definitionOf(kind, path);
  const root = container(resource, path, op !== 'remove');
  if (!root) return;
  // Walk to the object that holds the last name (`name.givenName` → the name object).
  let holder: Record<string, unknown> = root;
  for (const name of path.names.slice(0, -1)) {
    const key = keyOf(holder, name);
    const next = key === undefined ? undefined : holder[key];
    if (!isObject(next)) {
      if (op === 'remove') return;
      const made: Record<string, unknown> = {};
      holder[key ?? name] = made;
      holder = made;
    } else {
      holder = next;
    }
  }
  const leaf = path.names[path.names.length - 1]!;
  const key = keyOf(holder, leaf) ?? definition?.name ?? leaf;
  const current = holder[key];

  if (target.filter) {
    if (!definition?.multiValued) throw invalidPath(`«${path.names.join('.')}» is not multi-valued, so it cannot take a value filter.`);
    const elements = Array.isArray(current) ? current : [];
    const parent = path.names;
    const matching = elements.filter((element) => elementMatches(kind, resource, element, target.filter!, parent));
    if (matching.length === 0) {
      if (op === 'remove') return;
      // `emails[type eq "work"].value` on a user without a work address: add that element.
      const seed = equalityTemplate(target.filter);
      if (target.sub && seed) {
        holder[key] = [...elements, { ...seed, [target.sub]: value }];
        return;
      }
      throw noTarget(`No value of «${path.names.join('.')}» matches the filter.`);
    }
    if (target.sub) {
      for (const element of matching) {
        if (!isObject(element)) continue;
        const subKey = keyOf(element, target.sub) ?? target.sub;
        if (op === 'remove') delete element[subKey];
        else element[subKey] = value;
      }
      return;
    }
    if (op === 'remove') {
      holder[key] = elements.filter((element) => !matching.includes(element));
    } else if (op === 'replace') {
      holder[key] = elements.map((element) => (matching.includes(element) ? (isObject(value) ? { ...value } : value) : element));
    } else {
      holder[key] = elements.map((element) => (matching.includes(element) && isObject(element) && isObject(value) ? { ...element, ...value } : element));
    }
    return;
  }

  if (op === 'remove') {
    if (definition?.multiValued && value !== undefined && Array.isArray(current)) {
      // Entra ID removes members by sending them as the value of a remove on `members`.
      const gone = new Set(asArray(value).map((item) => String(isObject(item) ? item.value : item)));
      holder[key] = current.filter((element) => !gone.has(String(isObject(element) ? element.value : element)));
    } else {
      delete holder[key];
    }
    return;
  }
  if (definition?.multiValued) {
    const incoming = asArray(value);
    if (op === 'replace' || !Array.isArray(current)) {
      holder[key] = dedupe(incoming);
    } else {
      holder[key] = dedupe([...current, ...incoming]);
    }
    return;
  }
  if (isObject(value) && isObject(current)) {
    holder[key] = { ...current, ...value };
    return;
  }
  holder[key] = value;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Multi-valued complex values with the same `value` are one value (adding a member twice is a no-op). */
function dedupe(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  const result: unknown[] = [];
  for (const item of values) {
    const id = isObject(item) && item.value !== undefined ? `v:${String(item.value).toLowerCase()}` : undefined;
    if (id && seen.has(id)) continue;
    if (id) seen.add(id);
    result.push(item);
  }
  return result;
}

/** `type eq "work"` (and `and`s of such) → { type: 'work' }: the element a filter describes. */
function equalityTemplate(filter: Filter): Record<string, unknown> | undefined {
  if (filter.op === 'eq' && !filter.attrPath.includes('.')) return { [filter.attrPath]: filter.compValue };
  if (filter.op === 'and') {
    const parts = filter.filters.map(equalityTemplate);
    if (parts.every(Boolean)) return Object.assign({}, ...parts);
  }
  return undefined;
}
