import { isVerbObjectName } from './task-name.ts';

/**
 * Our own modelling rules, written as bpmnlint rules (a factory taking the rule's config, returning
 * `{ check(node, reporter) }`). Links live outside the XML (process_element_links), so the rules get
 * the linked element ids through their config. Pure.
 */
export interface LinkContext {
  /** Lanes linked to a business role. */
  laneRoles: string[];
  /** Tasks linked to a system or marked manual. */
  taskSystemsOrManual: string[];
  /** Call activities linked to a process. */
  calledProcesses: string[];
  /** Data objects (references) linked to an information object. */
  dataObjects: string[];
}

type Node = { $type: string; id?: string; name?: string; flowElements?: Node[]; triggeredByEvent?: boolean; $instanceOf?: (type: string) => boolean };
type Reporter = { report(id: string | undefined, message: string): void };

const is = (node: Node, type: string) => (node.$instanceOf ? node.$instanceOf(type) : node.$type === type);
const taskTypes = ['bpmn:Task'];
const isTask = (node: Node) => taskTypes.some((type) => is(node, type)) && !is(node, 'bpmn:CallActivity');

function rule(check: (node: Node, reporter: Reporter, context: LinkContext) => void) {
  return (config?: unknown) => {
    const context = { laneRoles: [], taskSystemsOrManual: [], calledProcesses: [], dataObjects: [], ...(config as Partial<LinkContext> | undefined) };
    return { check: (node: Node, reporter: Reporter) => check(node, reporter, context) };
  };
}

const label = (node: Node) => (node.name ? `«${node.name.replace(/\s+/g, ' ')}»` : node.id);

export const ownRuleFactories: Record<string, (config?: unknown) => { check: unknown }> = {
  'lane-business-role': rule((node, reporter, context) => {
    if (is(node, 'bpmn:Lane') && !context.laneRoles.includes(node.id ?? '')) {
      reporter.report(node.id, `Svømmebanen ${label(node)} er ikke koblet til en forretningsrolle`);
    }
  }),
  'task-verb-object': rule((node, reporter) => {
    if (isTask(node) && !isVerbObjectName(node.name)) {
      reporter.report(node.id, `Oppgaven ${label(node)} bør hete verb + objekt, f.eks. «Behandle søknad»`);
    }
  }),
  'task-system-or-manual': rule((node, reporter, context) => {
    if (isTask(node) && !context.taskSystemsOrManual.includes(node.id ?? '')) {
      reporter.report(node.id, `Oppgaven ${label(node)} er verken koblet til et system eller merket som manuell`);
    }
  }),
  'one-start-event': rule((node, reporter) => {
    if (!(is(node, 'bpmn:Process') || is(node, 'bpmn:SubProcess')) || node.triggeredByEvent) return;
    if (is(node, 'bpmn:AdHocSubProcess')) return;
    const starts = (node.flowElements ?? []).filter((element) => is(element, 'bpmn:StartEvent'));
    if ((node.flowElements ?? []).length === 0) return;
    if (starts.length !== 1) {
      const where = is(node, 'bpmn:SubProcess') ? 'Delprosessen' : 'Prosessen';
      reporter.report(node.id, `${where} ${label(node)} har ${starts.length} starthendelser; den skal ha nøyaktig én`);
    }
  }),
  'call-activity-linked': rule((node, reporter, context) => {
    if (is(node, 'bpmn:CallActivity') && !context.calledProcesses.includes(node.id ?? '')) {
      reporter.report(node.id, `Den kalte aktiviteten ${label(node)} viser ikke til en prosess`);
    }
  }),
  'data-object-linked': rule((node, reporter, context) => {
    if (is(node, 'bpmn:DataObjectReference') && !context.dataObjects.includes(node.id ?? '')) {
      reporter.report(node.id, `Dataobjektet ${label(node)} er ikke koblet til et informasjonsobjekt`);
    }
  }),
};
