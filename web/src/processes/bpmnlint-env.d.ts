// The browser runs the server's modelling standard (server/src/modules/processes/lint); its
// declarations for bpmnlint's CommonJS rule files come along.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../../server/src/modules/processes/lint/bpmnlint.d.ts" />
