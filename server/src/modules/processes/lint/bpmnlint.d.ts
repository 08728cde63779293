// bpmnlint ships CommonJS without declarations for its rule files; this is the part we use.
declare module 'bpmnlint/lib/linter.js' {
  interface Report {
    id?: string;
    message: string;
    path?: (string | number)[];
    category: 'error' | 'warn' | 'info' | 'rule-error';
  }
  type RuleFactory = (config?: unknown) => { check: unknown };
  class Linter {
    constructor(options: {
      config?: { rules: Record<string, unknown> };
      resolver: { resolveRule(pkg: string, ruleName: string): RuleFactory; resolveConfig(pkg: string, name: string): unknown };
    });
    lint(definitions: unknown, config?: { rules: Record<string, unknown> }): Promise<Record<string, Report[]>>;
  }
  export = Linter;
}
declare module 'bpmnlint/rules/*.js' {
  const factory: (config?: unknown) => { check: unknown };
  export = factory;
}
