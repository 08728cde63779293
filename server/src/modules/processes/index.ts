/** What other modules use from processes. */
export { importBpmnProcess, exportBpmn, checkBpmn, type ImportBpmnInput } from './import.ts';
export { parseBpmn, extractModel, BpmnRejected, decodeBpmnBytes, type BpmnModel } from './bpmn/parse.ts';
