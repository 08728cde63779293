export type SearchKind = 'process' | 'document' | 'system';

export interface ProcessCard {
  id: string;
  name: string;
  purpose: string;
  version: number;
  ownerName: string | null;
  reason?: 'role' | 'unit';
}

export interface Named {
  id: string;
  name: string;
}

export interface ProcessPageData {
  id: string;
  name: string;
  purpose: string;
  version: number;
  publishedAt: string | null;
  owner: { id: string; name: string; email: string | null } | null;
  bpmnXml: string;
  steps: {
    elementId: string;
    name: string;
    type: string;
    lane: string | null;
    businessRole: Named | null;
    system: Named | null;
    systemRole: Named | null;
    manual: boolean;
  }[];
  businessRoles: (Named & { requestable: boolean })[];
  systems: (Named & { systemRoles: Named[]; requestableBusinessRoles: Named[] })[];
  documents: { id: string; name: string; path: string; currentVersion: number }[];
  classifications: { id: string; code: string; name: string; list: string; listKey: string }[];
  automation: { occurrencesPerYear: number; minutesEach: number; automationDegree: number; hoursPerYear: number; assessment: string } | null;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  snippet: string;
  rank: number;
}

export interface AutomationRow {
  processId: string;
  name: string;
  occurrencesPerYear: number;
  minutesEach: number;
  automationDegree: number;
  assessment: string;
  hoursPerYear: number;
}

export interface SystemRoleRef {
  id: string;
  name: string;
  systemId: string | null;
  systemName: string;
}

export interface RoleGap {
  businessRole: Named;
  processes: Named[];
  missing: { systemRole: SystemRoleRef; processes: Named[]; steps: string[] }[];
  unused: SystemRoleRef[];
}

export interface ReportLine {
  path: string;
  kind: 'bpmn' | 'document' | 'other';
  outcome: 'imported' | 'new_version' | 'unchanged' | 'refused';
  reason?: string;
  processId?: string;
  documentId?: string;
  version?: number;
  linkedTo?: string[];
}

export interface BundleReport {
  id: string;
  fileName: string;
  counts: { imported: number; refused: number };
  lines: ReportLine[];
}

export interface CodeList {
  id: string;
  key: string;
  name: string;
  kind: 'kostra_function' | 'kle' | 'form' | 'own';
  values: number;
}

export interface CodeValue {
  id: string;
  code: string;
  name: string;
  parentCode: string | null;
}
