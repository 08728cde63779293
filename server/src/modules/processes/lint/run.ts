import Linter from 'bpmnlint/lib/linter.js';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process.js';
import conditionalFlows from 'bpmnlint/rules/conditional-flows.js';
import endEventRequired from 'bpmnlint/rules/end-event-required.js';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway.js';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event.js';
import fakeJoin from 'bpmnlint/rules/fake-join.js';
import global from 'bpmnlint/rules/global.js';
import labelRequired from 'bpmnlint/rules/label-required.js';
import linkEvent from 'bpmnlint/rules/link-event.js';
import noBpmndi from 'bpmnlint/rules/no-bpmndi.js';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway.js';
import noDisconnected from 'bpmnlint/rules/no-disconnected.js';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows.js';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork.js';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end.js';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split.js';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start.js';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway.js';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements.js';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event.js';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition.js';
import startEventRequired from 'bpmnlint/rules/start-event-required.js';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event.js';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway.js';
import superfluousLabel from 'bpmnlint/rules/superfluous-label.js';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination.js';
import { ownRuleFactories, type LinkContext } from './rules.ts';
import { effectiveLevels, standardRules, type RuleLevel } from './standard.ts';

/** Runs the modelling standard on a parsed model (server) or the modeler's definitions (browser). */

// Imported one by one (not through bpmnlint's node resolver) so that the browser bundle carries
// exactly these rules and server and browser run the same code.
const bpmnlintFactories: Record<string, (config?: unknown) => { check: unknown }> = {
  'ad-hoc-sub-process': adHocSubProcess,
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'fake-join': fakeJoin,
  global,
  'label-required': labelRequired,
  'link-event': linkEvent,
  'no-bpmndi': noBpmndi,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-start': noImplicitStart,
  'no-inclusive-gateway': noInclusiveGateway,
  'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'start-event-required': startEventRequired,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
  'superfluous-label': superfluousLabel,
  'superfluous-termination': superfluousTermination,
};

export interface LintFinding {
  rule: string;
  level: 'warn' | 'error';
  elementId: string | null;
  message: string;
}

const resolver = {
  resolveRule(pkg: string, ruleName: string) {
    const factory = pkg === 'bpmnlint-plugin-grunnmur' ? ownRuleFactories[ruleName] : bpmnlintFactories[ruleName];
    if (!factory) throw new Error(`unknown rule ${pkg}/${ruleName}`);
    return factory;
  },
  resolveConfig(): never {
    throw new Error('configs are not resolved; rules are listed one by one');
  },
};

const description = new Map(standardRules.map((rule) => [rule.name, rule.description.nb]));

export async function lintDefinitions(definitions: unknown, settings: Record<string, RuleLevel>, links: LinkContext): Promise<LintFinding[]> {
  const levels = effectiveLevels(settings);
  const rules: Record<string, unknown> = {};
  for (const [name, level] of Object.entries(levels)) {
    if (level === 'off') continue;
    rules[name] = name.startsWith('grunnmur/') ? [level, links] : level;
  }
  // A new linter per run: bpmnlint caches rules with their first config, and ours carry the links.
  const linter = new Linter({ resolver });
  const results = await linter.lint(definitions, { rules });
  const findings: LintFinding[] = [];
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      if (report.category !== 'error' && report.category !== 'warn') continue;
      const own = rule.startsWith('grunnmur/');
      findings.push({
        rule,
        level: report.category,
        elementId: report.id ?? null,
        message: own ? report.message : `${description.get(rule) ?? rule} (${report.message})`,
      });
    }
  }
  return findings.sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
}
