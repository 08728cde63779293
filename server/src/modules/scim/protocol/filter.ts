import { parse, type Filter } from 'scim2-parse-filter';
import { invalidFilter } from './scim-error.ts';
import { container, definitionOf, isObject, splitAttributePath, valuesAt, type Resource } from './paths.ts';
import type { AttributeDefinition, ResourceKind } from './schemas.ts';

export type { Filter };

/** Parses a SCIM filter (RFC 7644 §3.4.2.2); a filter that does not parse is a 400 invalidFilter. */
export function parseFilter(text: string): Filter {
  try {
    return parse(text);
  } catch (error) {
    throw invalidFilter(`The filter could not be parsed: ${(error as Error).message}`);
  }
}

/**
 * Whether a resource matches a filter, with SCIM's comparison rules (RFC 7644 §3.4.2.2): attribute
 * names are case-insensitive, strings compare case-insensitively unless the attribute is caseExact,
 * dateTimes compare as instants, and a multi-valued attribute matches when any of its values does.
 * The library's own tester compares strings case-sensitively, so the evaluation is ours.
 */
export function matchesFilter(kind: ResourceKind, resource: Resource, filter: Filter): boolean {
  return test(kind, resource, resource, filter, []);
}

/** Whether one element of a multi-valued attribute (at `parent`, e.g. ['members']) matches a value filter. */
export function elementMatches(kind: ResourceKind, resource: Resource, element: unknown, filter: Filter, parent: string[]): boolean {
  return test(kind, resource, element, filter, parent);
}

function test(kind: ResourceKind, resource: Resource, node: unknown, filter: Filter, parent: string[]): boolean {
  switch (filter.op) {
    case 'and':
      return filter.filters.every((child) => test(kind, resource, node, child, parent));
    case 'or':
      return filter.filters.some((child) => test(kind, resource, node, child, parent));
    case 'not':
      return !test(kind, resource, node, filter.filter, parent);
    case '[]': {
      const { schemaPath, names, base } = locate(kind, resource, node, filter.attrPath, parent);
      const elements = valuesAt(base, names);
      return elements.some((element) => test(kind, resource, element, filter.valFilter, [...schemaPath, ...names]));
    }
    case 'pr': {
      const { names, base } = locate(kind, resource, node, filter.attrPath, parent);
      return valuesAt(base, names).some(present);
    }
    default: {
      const { names, base, definition } = locate(kind, resource, node, filter.attrPath, parent);
      const values = valuesAt(base, names);
      if (filter.op === 'ne') return !values.some((value) => compare(definition, value, 'eq', filter.compValue));
      return values.some((value) => compare(definition, value, filter.op, filter.compValue));
    }
  }
}

/** Where an attribute path in a filter starts and what the server knows about it. */
function locate(kind: ResourceKind, resource: Resource, node: unknown, attrPath: string, parent: string[]) {
  const path = splitAttributePath(kind, attrPath);
  if (parent.length > 0 && !path.schema) {
    // Inside a value filter (`emails[type eq "work"]`) names are relative to the element.
    const definition = definitionOf(kind, { names: [...parent.filter((name) => !name.startsWith('urn:')), ...path.names] });
    return { schemaPath: parent, names: path.names, base: node, definition };
  }
  const base = container(resource, path);
  return { schemaPath: path.schema ? [path.schema] : [], names: path.names, base, definition: definitionOf(kind, path) };
}

function present(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.values(value).some(present);
  return true;
}

type Operator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'lt' | 'ge' | 'le';

function compare(definition: AttributeDefinition | undefined, actual: unknown, op: Operator, expected: unknown): boolean {
  if (isObject(actual)) {
    // `emails eq "x"` on a complex multi-valued attribute compares its value sub-attribute.
    return 'value' in actual ? compare(definition?.subAttributes?.find((s) => s.name === 'value'), actual.value, op, expected) : false;
  }
  if (expected === null) return op === 'eq' ? actual === null || actual === undefined : false;
  if (typeof actual === 'boolean' || typeof expected === 'boolean') {
    if (op !== 'eq') throw invalidFilter(`The operator ${op} cannot compare a boolean.`);
    return actual === expected;
  }
  if (definition?.type === 'dateTime' && typeof expected === 'string') {
    const a = Date.parse(String(actual));
    const b = Date.parse(expected);
    if (Number.isNaN(b)) throw invalidFilter(`«${expected}» is not a dateTime.`);
    return ordered(a, b, op);
  }
  if (typeof actual === 'number' && typeof expected === 'number') return ordered(actual, expected, op);
  let a = String(actual);
  let b = String(expected);
  if (!definition?.caseExact) {
    a = a.toLowerCase();
    b = b.toLowerCase();
  }
  switch (op) {
    case 'co':
      return a.includes(b);
    case 'sw':
      return a.startsWith(b);
    case 'ew':
      return a.endsWith(b);
    default:
      return ordered(a, b, op);
  }
}

function ordered<T extends string | number>(a: T, b: T, op: Operator): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    default:
      throw invalidFilter(`The operator ${op} cannot compare these values.`);
  }
}
