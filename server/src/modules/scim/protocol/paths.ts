import { findAttribute, resourceSchemas, type AttributeDefinition, type ResourceKind } from './schemas.ts';

/** A resource as JSON: what the API reads and writes. */
export type Resource = Record<string, unknown>;

/**
 * An attribute path split into the key of the resource's top-level object (the core attribute
 * name, or an extension's schema URN) and the names below it: `name.givenName` →
 * { schema: undefined, names: ['name', 'givenName'] }; `urn:…:enterprise:2.0:User:manager.value` →
 * { schema: 'urn:…:enterprise:2.0:User', names: ['manager', 'value'] }.
 */
export interface AttributePath {
  schema?: string;
  names: string[];
}

export function splitAttributePath(kind: ResourceKind, text: string): AttributePath {
  const trimmed = text.trim();
  if (/^urn:/i.test(trimmed)) {
    const known = [resourceSchemas[kind].core, ...resourceSchemas[kind].extensions];
    const schema = known.find((id) => trimmed.toLowerCase().startsWith(`${id.toLowerCase()}:`));
    if (schema) {
      const rest = trimmed.slice(schema.length + 1).split('.');
      return schema === resourceSchemas[kind].core ? { names: rest } : { schema, names: rest };
    }
    const whole = known.find((id) => trimmed.toLowerCase() === id.toLowerCase());
    if (whole && whole !== resourceSchemas[kind].core) return { schema: whole, names: [] };
    const i = trimmed.lastIndexOf(':');
    return { schema: trimmed.slice(0, i), names: trimmed.slice(i + 1).split('.') };
  }
  return { names: trimmed.split('.') };
}

export function definitionOf(kind: ResourceKind, path: AttributePath): AttributeDefinition | undefined {
  return findAttribute(kind, path.names, path.schema);
}

/** The key of `object` that matches `name` case-insensitively (attribute names are case-insensitive). */
export function keyOf(object: Record<string, unknown>, name: string): string | undefined {
  if (name in object) return name;
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object a path's names start from: the resource itself, or its extension object. */
export function container(resource: Resource, path: AttributePath, create = false): Record<string, unknown> | undefined {
  if (!path.schema) return resource;
  const key = keyOf(resource, path.schema);
  if (key && isObject(resource[key])) return resource[key] as Record<string, unknown>;
  if (!create) return undefined;
  const made: Record<string, unknown> = {};
  resource[path.schema] = made;
  return made;
}

/** Every value at `names` below `node`, looking into arrays on the way (multi-valued attributes). */
export function valuesAt(node: unknown, names: string[]): unknown[] {
  if (names.length === 0) return Array.isArray(node) ? node : node === undefined || node === null ? [] : [node];
  if (Array.isArray(node)) return node.flatMap((item) => valuesAt(item, names));
  if (!isObject(node)) return [];
  const key = keyOf(node, names[0]!);
  return key === undefined ? [] : valuesAt(node[key], names.slice(1));
}
