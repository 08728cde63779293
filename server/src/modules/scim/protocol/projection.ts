import { container, definitionOf, isObject, keyOf, splitAttributePath, type Resource } from './paths.ts';
import type { ResourceKind } from './schemas.ts';

/** Attributes a client cannot leave out (RFC 7643 §7: returned "always"). */
const alwaysReturned = new Set(['id', 'schemas']);

function parseList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * Applies `attributes` or `excludedAttributes` (RFC 7644 §3.4.2.5) to a resource. `attributes`
 * keeps only the named ones (plus id and schemas); `excludedAttributes` drops the named ones.
 * Attributes returned "never" (enterprise organization) are dropped in any case.
 */
export function project(kind: ResourceKind, resource: Resource, attributes?: string, excluded?: string): Resource {
  const wanted = parseList(attributes);
  const unwanted = parseList(excluded);
  if (wanted.length > 0) {
    const result: Resource = {};
    for (const key of Object.keys(resource)) if (alwaysReturned.has(key)) result[key] = resource[key];
    for (const text of wanted) copyPath(kind, resource, result, text);
    return result;
  }
  if (unwanted.length === 0) return resource;
  const result = structuredClone(resource);
  for (const text of unwanted) {
    const path = splitAttributePath(kind, text);
    if (!path.schema && path.names.length === 1 && alwaysReturned.has(path.names[0]!)) continue;
    if (definitionOf(kind, path)?.returned === 'always') continue;
    removePath(container(result, path), path.names);
    if (path.schema && path.names.length === 0) {
      const key = keyOf(result, path.schema);
      if (key) delete result[key];
    }
  }
  return result;
}

function copyPath(kind: ResourceKind, from: Resource, to: Resource, text: string) {
  const path = splitAttributePath(kind, text);
  const source = container(from, path);
  if (!source) return;
  if (path.schema && path.names.length === 0) {
    to[path.schema] = source;
    return;
  }
  const target = container(to, path, true)!;
  copyNames(source, target, path.names);
}

function copyNames(source: Record<string, unknown>, target: Record<string, unknown>, names: string[]) {
  const key = keyOf(source, names[0]!);
  if (key === undefined) return;
  const value = source[key];
  if (names.length === 1) {
    target[key] = value;
    return;
  }
  if (Array.isArray(value)) {
    // `emails.value`: each element keeps only the sub-attribute.
    const existing = Array.isArray(target[key]) ? (target[key] as Record<string, unknown>[]) : value.map(() => ({}));
    value.forEach((element, i) => {
      if (isObject(element)) copyNames(element, existing[i]!, names.slice(1));
    });
    target[key] = existing;
  } else if (isObject(value)) {
    const child = isObject(target[key]) ? (target[key] as Record<string, unknown>) : {};
    copyNames(value, child, names.slice(1));
    target[key] = child;
  }
}

function removePath(node: Record<string, unknown> | undefined, names: string[]) {
  if (!node || names.length === 0) return;
  const key = keyOf(node, names[0]!);
  if (key === undefined) return;
  if (names.length === 1) {
    delete node[key];
    return;
  }
  const value = node[key];
  if (Array.isArray(value)) {
    for (const element of value) if (isObject(element)) removePath(element, names.slice(1));
  } else if (isObject(value)) {
    removePath(value, names.slice(1));
  }
}

/** Drops attributes returned "never"; every response goes through this. */
export function withoutNeverReturned(kind: ResourceKind, resource: Resource): Resource {
  if (kind !== 'User') return resource;
  const result = { ...resource };
  for (const key of Object.keys(result)) {
    if (isObject(result[key]) && key.startsWith('urn:')) {
      const extension = { ...(result[key] as Record<string, unknown>) };
      delete extension.organization;
      result[key] = extension;
    }
  }
  return result;
}
