/**
 * The ArchiMate Open Exchange Format (3.x) read into plain objects and written back. Pure: no I/O.
 * The parser never resolves entities: a document with a DOCTYPE or ENTITY declaration is refused
 * before it is parsed at all.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { ViewConnection, ViewNode } from '../tables.ts';

export interface AmElement {
  identifier: string;
  type: string;
  name: string;
  documentation: string;
  properties: Record<string, string>;
}
export interface AmRelationship extends AmElement {
  source: string;
  target: string;
}
export interface AmView {
  identifier: string;
  name: string;
  documentation: string;
  viewpoint: string;
  nodes: ViewNode[];
  connections: ViewConnection[];
}
export interface AmModel {
  identifier: string;
  name: string;
  documentation: string;
  elements: AmElement[];
  relationships: AmRelationship[];
  views: AmView[];
}

export class ArchimateRejected extends Error {
  constructor(
    message: string,
    readonly problems: { line?: number; message: string }[] = [],
  ) {
    super(message);
  }
}

const refusedMarkup = /<!DOCTYPE|<!ENTITY/i;

const arrayTags = new Set(['element', 'relationship', 'view', 'node', 'connection', 'property', 'propertyDefinition', 'name', 'documentation', 'value', 'label', 'bendpoint', 'item']);

function parser() {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: false,
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    textNodeName: '#text',
    isArray: (tag) => arrayTags.has(tag),
  });
}

type X = Record<string, unknown>;
const asArray = (v: unknown): X[] => (Array.isArray(v) ? (v as X[]) : v === undefined || v === null || v === '' ? [] : [v as X]);

/** Text of a langString list: the first value (bokmål or English tools write one). Entities decoded. */
function text(v: unknown): string {
  const first = asArray(v)[0];
  if (first === undefined) return '';
  const raw = typeof first === 'string' ? first : typeof first === 'object' ? String((first as X)['#text'] ?? '') : String(first);
  return decodeXml(raw);
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

function propertiesOf(v: unknown, definitions: Map<string, string>): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const p of asArray((v as X | undefined)?.property)) {
    const ref = String(p['@_propertyDefinitionRef'] ?? '');
    properties[definitions.get(ref) ?? ref] = text(p.value);
  }
  return properties;
}

function nodeOf(n: X): ViewNode {
  const node: ViewNode = {
    id: String(n['@_identifier']),
    type: String(n['@_xsi:type'] ?? 'Element'),
    x: Number(n['@_x'] ?? 0),
    y: Number(n['@_y'] ?? 0),
    w: Number(n['@_w'] ?? 0),
    h: Number(n['@_h'] ?? 0),
    children: asArray(n.node).map(nodeOf),
  };
  if (n['@_elementRef']) node.elementRef = String(n['@_elementRef']);
  const viewRef = (n.viewRef as X | undefined)?.['@_ref'];
  if (viewRef) node.viewRef = String(viewRef);
  const label = text(n.label);
  if (label) node.label = label;
  return node;
}

/** Parses an exchange file. Throws ArchimateRejected with a Norwegian message on anything wrong. */
export function parseArchimate(xml: string): AmModel {
  if (refusedMarkup.test(xml)) throw new ArchimateRejected('Filen inneholder DOCTYPE eller ENTITY-deklarasjoner, som ikke er tillatt av sikkerhetshensyn.');
  let doc: X;
  try {
    doc = parser().parse(xml, true) as X;
  } catch (error) {
    throw new ArchimateRejected(`Filen er ikke gyldig XML: ${(error as Error).message}`);
  }
  const model = doc.model as X | undefined;
  if (!model) throw new ArchimateRejected('Filen er ikke en ArchiMate-modell i Open Exchange-format (mangler <model>).');
  const definitions = new Map<string, string>();
  for (const d of asArray((model.propertyDefinitions as X | undefined)?.propertyDefinition)) {
    definitions.set(String(d['@_identifier']), text(d.name) || String(d['@_identifier']));
  }
  const problems: { message: string }[] = [];
  const seen = new Set<string>();
  const element = (e: X, what: string): AmElement => {
    const identifier = String(e['@_identifier'] ?? '');
    const type = String(e['@_xsi:type'] ?? '');
    if (!identifier) problems.push({ message: `Et ${what} mangler identifier.` });
    if (!type) problems.push({ message: `${what} ${identifier} mangler type (xsi:type).` });
    if (seen.has(identifier)) problems.push({ message: `Identifikatoren ${identifier} er brukt mer enn én gang.` });
    seen.add(identifier);
    return { identifier, type, name: text(e.name), documentation: text(e.documentation), properties: propertiesOf(e.properties, definitions) };
  };
  const elements = asArray((model.elements as X | undefined)?.element).map((e) => element(e, 'element'));
  const relationships = asArray((model.relationships as X | undefined)?.relationship).map((r) => {
    const base = element(r, 'relasjon');
    const rel: AmRelationship = { ...base, source: String(r['@_source'] ?? ''), target: String(r['@_target'] ?? '') };
    if (r['@_accessType']) rel.properties = { ...rel.properties, '@accessType': String(r['@_accessType']) };
    if (r['@_isDirected']) rel.properties = { ...rel.properties, '@isDirected': String(r['@_isDirected']) };
    if (r['@_modifier']) rel.properties = { ...rel.properties, '@modifier': String(r['@_modifier']) };
    return rel;
  });
  for (const r of relationships) {
    if (!seen.has(r.source)) problems.push({ message: `Relasjonen ${r.identifier} peker fra ${r.source}, som ikke finnes i filen.` });
    if (!seen.has(r.target)) problems.push({ message: `Relasjonen ${r.identifier} peker til ${r.target}, som ikke finnes i filen.` });
  }
  const views = asArray(((model.views as X | undefined)?.diagrams as X | undefined)?.view).map((v) => ({
    identifier: String(v['@_identifier'] ?? ''),
    name: text(v.name),
    documentation: text(v.documentation),
    viewpoint: String(v['@_viewpoint'] ?? ''),
    nodes: asArray(v.node).map(nodeOf),
    connections: asArray(v.connection).map((c) => {
      const connection: ViewConnection = {
        id: String(c['@_identifier']),
        type: String(c['@_xsi:type'] ?? 'Relationship'),
        source: String(c['@_source'] ?? ''),
        target: String(c['@_target'] ?? ''),
      };
      if (c['@_relationshipRef']) connection.relationshipRef = String(c['@_relationshipRef']);
      return connection;
    }),
  }));
  if (problems.length) throw new ArchimateRejected(`Filen ble ikke importert: ${problems.length} feil.`, problems);
  return { identifier: String(model['@_identifier'] ?? ''), name: text(model.name), documentation: text(model.documentation), elements, relationships, views };
}

const lang = (value: string) => [{ '@_xml:lang': 'nb', '#text': value }];

function writeNode(n: ViewNode): X {
  const out: X = { '@_identifier': n.id, '@_xsi:type': n.type, '@_x': n.x, '@_y': n.y, '@_w': n.w, '@_h': n.h };
  if (n.elementRef) out['@_elementRef'] = n.elementRef;
  if (n.label) out.label = lang(n.label);
  if (n.viewRef) out.viewRef = { '@_ref': n.viewRef };
  if (n.children.length) out.node = n.children.map(writeNode);
  return out;
}

/** Writes a model as an exchange file that Archi and other tools read. */
export function writeArchimate(model: AmModel): string {
  const propertyNames = new Set<string>();
  for (const e of [...model.elements, ...model.relationships]) for (const k of Object.keys(e.properties)) if (!k.startsWith('@')) propertyNames.add(k);
  const names = [...propertyNames].sort();
  const refOf = new Map(names.map((n, i) => [n, `propid-${i + 1}`]));
  const props = (p: Record<string, string>) => {
    const list = Object.entries(p).filter(([k]) => !k.startsWith('@'));
    return list.length ? { property: list.map(([k, v]) => ({ '@_propertyDefinitionRef': refOf.get(k), value: lang(v) })) } : undefined;
  };
  const common = (e: AmElement): X => {
    const out: X = { '@_identifier': e.identifier, '@_xsi:type': e.type };
    if (e.name) out.name = lang(e.name);
    if (e.documentation) out.documentation = lang(e.documentation);
    const p = props(e.properties);
    if (p) out.properties = p;
    return out;
  };
  const doc: X = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    model: {
      '@_xmlns': 'http://www.opengroup.org/xsd/archimate/3.0/',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation': 'http://www.opengroup.org/xsd/archimate/3.0/ http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd',
      '@_identifier': model.identifier,
      name: lang(model.name),
      ...(model.documentation ? { documentation: lang(model.documentation) } : {}),
      elements: model.elements.length ? { element: model.elements.map(common) } : undefined,
      relationships: model.relationships.length
        ? {
            relationship: model.relationships.map((r) => {
              const out = common(r);
              out['@_source'] = r.source;
              out['@_target'] = r.target;
              if (r.properties['@accessType']) out['@_accessType'] = r.properties['@accessType'];
              if (r.properties['@isDirected']) out['@_isDirected'] = r.properties['@isDirected'];
              if (r.properties['@modifier']) out['@_modifier'] = r.properties['@modifier'];
              return out;
            }),
          }
        : undefined,
      propertyDefinitions: names.length ? { propertyDefinition: names.map((n) => ({ '@_identifier': refOf.get(n), '@_type': 'string', name: lang(n) })) } : undefined,
      views: model.views.length
        ? {
            diagrams: {
              view: model.views.map((v) => {
                const out: X = { '@_identifier': v.identifier, '@_xsi:type': 'Diagram' };
                if (v.viewpoint) out['@_viewpoint'] = v.viewpoint;
                out.name = lang(v.name);
                if (v.documentation) out.documentation = lang(v.documentation);
                if (v.nodes.length) out.node = v.nodes.map(writeNode);
                if (v.connections.length) {
                  out.connection = v.connections.map((c) => {
                    const co: X = { '@_identifier': c.id, '@_xsi:type': c.type, '@_source': c.source, '@_target': c.target };
                    if (c.relationshipRef) co['@_relationshipRef'] = c.relationshipRef;
                    return co;
                  });
                }
                return out;
              }),
            },
          }
        : undefined,
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true, processEntities: true });
  return builder.build(doc) as string;
}

/** A comparable summary of a model: what must survive export → import. */
export function canonical(model: AmModel) {
  const props = (p: Record<string, string>) => JSON.stringify(Object.entries(p).sort());
  const nodes = (list: ViewNode[]): string[] => list.flatMap((n) => [`${n.id}|${n.type}|${n.elementRef ?? ''}|${n.viewRef ?? ''}|${n.x},${n.y},${n.w},${n.h}|${n.children.map((c) => c.id).join(',')}`, ...nodes(n.children)]);
  return {
    elements: model.elements.map((e) => `${e.identifier}|${e.type}|${e.name}|${e.documentation}|${props(e.properties)}`).sort(),
    relationships: model.relationships.map((r) => `${r.identifier}|${r.type}|${r.source}|${r.target}|${r.name}|${props(r.properties)}`).sort(),
    views: model.views.map((v) => `${v.identifier}|${v.name}|${nodes(v.nodes).sort().join(';')}|${v.connections.map((c) => `${c.id}|${c.type}|${c.relationshipRef ?? ''}|${c.source}|${c.target}`).sort().join(';')}`).sort(),
  };
}

/** Lines that differ between two canonical summaries (empty = the same model). */
export function differences(a: AmModel, b: AmModel): string[] {
  const ca = canonical(a);
  const cb = canonical(b);
  const out: string[] = [];
  for (const key of ['elements', 'relationships', 'views'] as const) {
    const sa = new Set(ca[key]);
    const sb = new Set(cb[key]);
    for (const x of sa) if (!sb.has(x)) out.push(`${key}: mangler etter runde: ${x.slice(0, 200)}`);
    for (const x of sb) if (!sa.has(x)) out.push(`${key}: ny etter runde: ${x.slice(0, 200)}`);
  }
  return out;
}
