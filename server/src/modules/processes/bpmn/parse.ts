import { BpmnModdle } from 'bpmn-moddle';

/**
 * Reading BPMN 2.0 XML. Pure: no I/O. The stored XML stays the source of truth; this only checks it
 * and extracts what analysis needs (elements, flows, lanes, shapes).
 */

/** A refused document: `message` is said to a municipal user, in bokmål. */
export class BpmnRejected extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'BpmnRejected';
  }
}

export interface BpmnElement {
  id: string;
  type: string;
  name: string | null;
  /** The process (or sub-process) the element sits in. */
  parentId: string | null;
  /** Lanes whose flowNodeRef lists the element. */
  laneIds: string[];
  /** For call activities: the calledElement attribute. */
  calledElement?: string | null;
}

export interface BpmnFlow {
  id: string;
  type: string;
  name: string | null;
  sourceId: string | null;
  targetId: string | null;
}

export interface BpmnLane {
  id: string;
  name: string | null;
  parentId: string | null;
}

export interface BpmnShape {
  id: string;
  bpmnElement: string | null;
  /** The diagram the shape belongs to: a model may carry several. */
  diagramId: string;
  bounds: { x: number; y: number; width: number; height: number } | null;
  waypoints?: { x: number; y: number }[];
  isEdge: boolean;
  /** An edge without bpmnElement that connects two diagram elements instead. */
  joins?: boolean;
}

export interface BpmnModel {
  /** id of the definitions element. */
  definitionsId: string | null;
  /** Processes in the model (and participants of a collaboration, by their process). */
  processes: { id: string; name: string | null }[];
  elements: BpmnElement[];
  flows: BpmnFlow[];
  lanes: BpmnLane[];
  shapes: BpmnShape[];
}

/** The largest document we accept; the biggest real diagrams are a few MB. */
export const maxBpmnBytes = 10 * 1024 * 1024;

// A DOCTYPE opens the way to external entities and entity expansion ("billion laughs"). BPMN never
// needs one, so the document is refused before any parser sees it. Checked on the raw text, case
// insensitive, before anything else — quick even for a large document.
const doctypePattern = /<!\s*(doctype|entity)/i;

/** Checks the raw document before parsing; throws BpmnRejected. */
export function assertSafeXml(xml: string): void {
  if (xml.length > maxBpmnBytes) {
    throw new BpmnRejected(`Filen er for stor (over ${maxBpmnBytes / 1024 / 1024} MB).`);
  }
  if (doctypePattern.test(xml)) {
    throw new BpmnRejected(
      'Filen inneholder en DOCTYPE- eller ENTITY-erklæring. Det brukes til angrep med eksterne entiteter og godtas ikke i BPMN-filer. Lagre diagrammet på nytt uten DOCTYPE og prøv igjen.',
    );
  }
  if (xml.includes('\u0000')) {
    throw new BpmnRejected('Filen er ikke en tekstfil (den ser ut som en binærfil, for eksempel et bilde). Velg en BPMN-fil (.bpmn eller .xml).');
  }
  if (xml.includes('\uFFFD')) {
    throw new BpmnRejected('Filen har tegn som ikke kan leses (feil tegnkoding). Lagre den som UTF-8 og prøv igjen.');
  }
  const start = xml.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('<')) {
    throw new BpmnRejected('Filen er ikke XML. En BPMN-fil må være XML etter BPMN 2.0-standarden.');
  }
}

const declarationPattern = /^(\uFEFF?\s*<\?xml[^>]*?\bencoding\s*=\s*)(["'])([^"']+)\2/i;
const latin1Names = new Set(['iso-8859-1', 'latin1', 'iso_8859-1', 'l1']);

/** The encoding named in the XML declaration, lower case, or null when none is named. */
export function declaredEncoding(text: string): string | null {
  return declarationPattern.exec(text.slice(0, 300))?.[3]?.toLowerCase() ?? null;
}

/**
 * We read UTF-8 (what the standard requires every reader to support) and ISO-8859-1 (which many
 * BPMN tools still write, the MIWG reference models among them). Other declared encodings are
 * refused rather than guessed at. The stored text is UTF-8 and says so in its declaration.
 */
export function normalizeDeclaration(xml: string): string {
  const encoding = declaredEncoding(xml);
  if (encoding === null || encoding === 'utf-8' || encoding === 'utf8') return xml;
  if (latin1Names.has(encoding)) return xml.replace(declarationPattern, (_m, head: string, quote: string) => `${head}${quote}UTF-8${quote}`);
  throw new BpmnRejected(`Tegnkodingen «${encoding}» støttes ikke. Lagre filen som UTF-8 og prøv igjen.`);
}

/** Decodes uploaded bytes by the declared encoding (UTF-8 or ISO-8859-1), refusing anything else. */
export function decodeBpmnBytes(bytes: Uint8Array): string {
  if (bytes.length > maxBpmnBytes) throw new BpmnRejected(`Filen er for stor (over ${maxBpmnBytes / 1024 / 1024} MB).`);
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    throw new BpmnRejected('Filen er et bilde (PNG), ikke en BPMN-fil. Velg en BPMN-fil (.bpmn eller .xml).');
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 300));
  const encoding = declaredEncoding(head);
  if (encoding && latin1Names.has(encoding)) return normalizeDeclaration(new TextDecoder('latin1').decode(bytes));
  try {
    return normalizeDeclaration(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    if (error instanceof BpmnRejected) throw error;
    throw new BpmnRejected('Filen har tegn som ikke kan leses (feil tegnkoding). Lagre den som UTF-8 og prøv igjen.');
  }
}

// Building the BPMN meta-model costs more than reading a small diagram; one reader serves all
// (fromXML keeps no state between documents).
let moddle: BpmnModdle | undefined;
const sharedModdle = () => (moddle ??= new BpmnModdle());

type ModdleElement = {
  $type: string;
  $parent?: ModdleElement;
  id?: string;
  name?: string;
  [key: string]: unknown;
};

function translateWarning(message: string): string {
  if (/duplicate ID/i.test(message)) return `To elementer har samme id (${message.match(/<([^>]+)>/)?.[1] ?? 'ukjent'}). Hver id må være unik.`;
  if (/unparsable content <([^>]+)>/.test(message)) return `Elementet <${message.match(/unparsable content <([^>]+)>/)?.[1]}> er ikke gyldig BPMN 2.0 på dette stedet.`;
  if (/unresolved reference <([^>]+)>/.test(message)) return `Filen viser til et element som ikke finnes (${message.match(/unresolved reference <([^>]+)>/)?.[1]}).`;
  if (/illegal first char attribute name/i.test(message) || /attribute/i.test(message)) return `Et attributt er ikke gyldig: ${firstLine(message)}`;
  return firstLine(message);
}

const firstLine = (message: string) => message.split('\n')[0]!.slice(0, 300);

/**
 * Parses and checks a BPMN 2.0 document. Refuses (BpmnRejected) unsafe XML, malformed XML,
 * XML that is not BPMN 2.0 definitions, and documents the reader had to skip parts of (unknown
 * elements, duplicate ids, dangling references): storing those would lose what the author made.
 */
export async function parseBpmn(input: string): Promise<{ xml: string; definitions: ModdleElement; model: BpmnModel }> {
  assertSafeXml(input);
  const xml = normalizeDeclaration(input);
  let result: { rootElement: ModdleElement; warnings: { message: string }[] };
  try {
    result = (await sharedModdle().fromXML(xml, 'bpmn:Definitions')) as unknown as typeof result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/unparsable content <definitions>|failed to parse document as <bpmn:Definitions>/i.test(message) || /expected/i.test(message) && /definitions/i.test(message)) {
      throw new BpmnRejected('Filen er XML, men ikke en BPMN 2.0-modell (rotelementet må være bpmn:definitions).', [firstLine(message)]);
    }
    throw new BpmnRejected('Filen er ikke gyldig XML og kan ikke leses som BPMN.', [firstLine(message)]);
  }
  const root = result.rootElement;
  if (!root || root.$type !== 'bpmn:Definitions') {
    throw new BpmnRejected('Filen er XML, men ikke en BPMN 2.0-modell (rotelementet må være bpmn:definitions).');
  }
  // A reference to a name in another declared vocabulary (e.g. `triso:unspecified` with
  // xmlns:triso declared) points outside this document on purpose; anything else unresolved,
  // every unknown element and every duplicate id means the reader lost part of the model.
  const warnings = result.warnings.filter((warning) => {
    const reference = /unresolved reference <([^:>]+):[^>]+>/.exec(warning.message);
    return !(reference && new RegExp(`xmlns:${reference[1]!.replace(/[^\w.-]/g, '')}\\s*=`).test(xml));
  });
  if (warnings.length > 0) {
    const details = warnings.slice(0, 20).map((w) => translateWarning(w.message));
    throw new BpmnRejected(
      `Filen er ikke gyldig BPMN 2.0: ${details[0]}${warnings.length > 1 ? ` (og ${warnings.length - 1} feil til)` : ''}`,
      details,
    );
  }
  const model = extractModel(root);
  // A shape must show something; an edge may instead join two other diagram elements (as
  // Trisotech draws the line from a label to its element).
  const unattached = model.shapes.filter((shape) => !shape.bpmnElement && !(shape.isEdge && shape.joins));
  if (unattached.length > 0) {
    throw new BpmnRejected(
      `Diagrammet har ${unattached.length === 1 ? 'en figur' : `${unattached.length} figurer`} som ikke viser til noe BPMN-element (${unattached[0]!.id}). Filen er ufullstendig.`,
    );
  }
  return { xml, definitions: root, model };
}

const flowTypes = new Set(['bpmn:SequenceFlow', 'bpmn:MessageFlow', 'bpmn:Association', 'bpmn:DataInputAssociation', 'bpmn:DataOutputAssociation', 'bpmn:ConversationLink']);

function ref(value: unknown): string | null {
  if (!value) return null;
  if (typeof value === 'string') return value;
  return (value as ModdleElement).id ?? null;
}

/** Walks the definitions and lists what analysis and the round-trip check need. */
export function extractModel(definitions: ModdleElement): BpmnModel {
  const model: BpmnModel = { definitionsId: definitions.id ?? null, processes: [], elements: [], flows: [], lanes: [], shapes: [] };
  const laneOf = new Map<string, string[]>();
  const seen = new Set<ModdleElement>();

  const visitLaneSet = (laneSet: ModdleElement, parentId: string | null) => {
    for (const lane of (laneSet.lanes as ModdleElement[] | undefined) ?? []) {
      model.lanes.push({ id: lane.id ?? '', name: lane.name ?? null, parentId });
      for (const node of (lane.flowNodeRef as ModdleElement[] | undefined) ?? []) {
        const id = ref(node);
        if (id) laneOf.set(id, [...(laneOf.get(id) ?? []), lane.id ?? '']);
      }
      if (lane.childLaneSet) visitLaneSet(lane.childLaneSet as ModdleElement, lane.id ?? null);
    }
  };

  const visitContainer = (container: ModdleElement) => {
    for (const laneSet of [
      ...((container.laneSets as ModdleElement[] | undefined) ?? []),
      ...(container.laneSet ? [container.laneSet as ModdleElement] : []),
    ]) {
      visitLaneSet(laneSet, null);
    }
    const children = [
      ...((container.flowElements as ModdleElement[] | undefined) ?? []),
      ...((container.artifacts as ModdleElement[] | undefined) ?? []),
    ];
    for (const child of children) visitElement(child, container.id ?? null);
  };

  const visitElement = (element: ModdleElement, parentId: string | null) => {
    if (seen.has(element)) return;
    seen.add(element);
    if (flowTypes.has(element.$type)) {
      model.flows.push({
        id: element.id ?? '',
        type: element.$type,
        name: element.name ?? null,
        sourceId: ref(element.sourceRef),
        targetId: ref(element.targetRef),
      });
      return;
    }
    const entry: BpmnElement = { id: element.id ?? '', type: element.$type, name: element.name ?? null, parentId, laneIds: [] };
    if (element.$type === 'bpmn:CallActivity') entry.calledElement = (element.calledElement as string | undefined) ?? null;
    model.elements.push(entry);
    // Data associations hang off activities rather than the process.
    for (const key of ['dataInputAssociations', 'dataOutputAssociations'] as const) {
      for (const association of (element[key] as ModdleElement[] | undefined) ?? []) {
        const sources = (association.sourceRef as unknown[] | undefined) ?? [];
        model.flows.push({
          id: association.id ?? '',
          type: association.$type,
          name: association.name ?? null,
          sourceId: ref(sources[0]) ?? element.id ?? null,
          targetId: ref(association.targetRef) ?? element.id ?? null,
        });
      }
    }
    if (element.flowElements || element.artifacts || element.laneSets) visitContainer(element);
  };

  for (const root of (definitions.rootElements as ModdleElement[] | undefined) ?? []) {
    if (root.$type === 'bpmn:Process') {
      model.processes.push({ id: root.id ?? '', name: root.name ?? null });
      visitContainer(root);
    } else if (root.$type === 'bpmn:Collaboration' || root.$type === 'bpmn:Choreography') {
      for (const participant of (root.participants as ModdleElement[] | undefined) ?? []) {
        model.elements.push({ id: participant.id ?? '', type: participant.$type, name: participant.name ?? null, parentId: root.id ?? null, laneIds: [] });
      }
      for (const flow of (root.messageFlows as ModdleElement[] | undefined) ?? []) visitElement(flow, root.id ?? null);
      for (const artifact of (root.artifacts as ModdleElement[] | undefined) ?? []) visitElement(artifact, root.id ?? null);
      for (const link of (root.conversationLinks as ModdleElement[] | undefined) ?? []) visitElement(link, root.id ?? null);
      for (const conversation of (root.conversations as ModdleElement[] | undefined) ?? []) visitElement(conversation, root.id ?? null);
    } else if (root.id) {
      // Global elements: messages, signals, errors, data stores, … count as elements too.
      model.elements.push({ id: root.id, type: root.$type, name: root.name ?? null, parentId: null, laneIds: [] });
    }
  }
  for (const element of model.elements) element.laneIds = laneOf.get(element.id) ?? [];

  for (const diagram of (definitions.diagrams as ModdleElement[] | undefined) ?? []) {
    const plane = diagram.plane as ModdleElement | undefined;
    for (const shape of (plane?.planeElement as ModdleElement[] | undefined) ?? []) {
      const bounds = shape.bounds as { x: number; y: number; width: number; height: number } | undefined;
      const waypoints = shape.waypoint as { x: number; y: number }[] | undefined;
      model.shapes.push({
        id: shape.id ?? '',
        bpmnElement: ref(shape.bpmnElement),
        diagramId: diagram.id ?? '',
        bounds: bounds ? { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height } : null,
        ...(waypoints ? { waypoints: waypoints.map((p) => ({ x: p.x, y: p.y })) } : {}),
        isEdge: shape.$type === 'bpmndi:BPMNEdge',
        ...(shape.$type === 'bpmndi:BPMNEdge' && shape.sourceElement && shape.targetElement ? { joins: true } : {}),
      });
    }
  }
  return model;
}
