/** The system catalogue as a file: its columns, the Norwegian words for its choices, a row's schema. */
import { z } from 'zod';
import type { criticalities, dpaStatuses, hostingKinds, lifecyclePhases } from '../catalogue/tables.ts';
import type { Choice, LicenceCell } from './cells.ts';
import type { ColumnSpec } from './columns.ts';
import { choiceCell, idCell, licencesCell, numberCell, textCell } from './row-fields.ts';

export const lifecyclePhaseChoices: Choice<(typeof lifecyclePhases)[number]>[] = [
  { code: 'idea', label: 'idé', aliases: ['ide'] },
  { code: 'requirements', label: 'krav' },
  { code: 'implementation', label: 'innføring', aliases: ['innforing'] },
  { code: 'operation', label: 'drift' },
  { code: 'phase_out', label: 'utfasing', aliases: ['phase out', 'phase-out'] },
  { code: 'retired', label: 'avviklet' },
];

export const criticalityChoices: Choice<(typeof criticalities)[number]>[] = [
  { code: 'low', label: 'lav' },
  { code: 'medium', label: 'middels' },
  { code: 'high', label: 'høy', aliases: ['hoy'] },
  { code: 'critical', label: 'kritisk' },
];

export const hostingChoices: Choice<(typeof hostingKinds)[number]>[] = [
  { code: 'on_premises', label: 'lokalt', aliases: ['egen drift', 'on premises', 'on-premises'] },
  { code: 'saas', label: 'SaaS', aliases: ['skytjeneste'] },
  { code: 'private_cloud', label: 'privat sky', aliases: ['private cloud'] },
  { code: 'public_cloud', label: 'offentlig sky', aliases: ['public cloud'] },
  { code: 'hybrid', label: 'hybrid' },
];

export const dpaStatusChoices: Choice<(typeof dpaStatuses)[number]>[] = [
  { code: 'not_needed', label: 'ikke nødvendig', aliases: ['ikke nodvendig', 'not needed'] },
  { code: 'missing', label: 'mangler' },
  { code: 'in_progress', label: 'under arbeid', aliases: ['in progress'] },
  { code: 'signed', label: 'signert' },
  { code: 'expired', label: 'utløpt', aliases: ['utlopt'] },
];

export type SystemColumn =
  | 'name' | 'description' | 'lifecyclePhase' | 'criticality' | 'owner' | 'administrator' | 'owningUnit'
  | 'supplier' | 'hosting' | 'annualCost' | 'dpaStatus' | 'licences' | 'id';

export const systemColumns: ColumnSpec<SystemColumn>[] = [
  { key: 'name', header: 'navn', aliases: ['name', 'systemnavn', 'system'], required: true },
  { key: 'description', header: 'beskrivelse', aliases: ['description'] },
  { key: 'lifecyclePhase', header: 'livsløpsfase', aliases: ['livslopsfase', 'lifecycle phase', 'lifecyclephase', 'lifecycle', 'fase'] },
  { key: 'criticality', header: 'kritikalitet', aliases: ['criticality'] },
  { key: 'owner', header: 'systemeier', aliases: ['owner', 'system owner', 'eier'] },
  { key: 'administrator', header: 'forvalter', aliases: ['administrator', 'systemforvalter'] },
  { key: 'owningUnit', header: 'eierenhet', aliases: ['owning unit', 'unit', 'enhet'] },
  { key: 'supplier', header: 'leverandør', aliases: ['leverandor', 'supplier', 'vendor'] },
  { key: 'hosting', header: 'drift', aliases: ['hosting', 'driftsform'] },
  { key: 'annualCost', header: 'årlig kostnad', aliases: ['arlig kostnad', 'annual cost', 'kostnad', 'cost'] },
  { key: 'dpaStatus', header: 'databehandleravtale', aliases: ['dpa', 'dpa status', 'data processing agreement'] },
  { key: 'licences', header: 'lisenser', aliases: ['licences', 'licenses', 'lisens'] },
  // Export writes the id last so that a rename in a spreadsheet is an update, not a new system.
  { key: 'id', header: 'id', aliases: ['system id'] },
];

/** One row of a systems file; `undefined` = column not in the file, `null` = empty cell. */
export const systemRowSchema = z.object({
  id: idCell().optional(),
  name: textCell({ required: true }),
  description: textCell({ max: 10_000 }).optional(),
  lifecyclePhase: choiceCell(lifecyclePhaseChoices).optional(),
  criticality: choiceCell(criticalityChoices).optional(),
  owner: textCell({ max: 50 }).optional(),
  administrator: textCell({ max: 50 }).optional(),
  owningUnit: textCell({ max: 50 }).optional(),
  supplier: textCell().optional(),
  hosting: choiceCell(hostingChoices).optional(),
  annualCost: numberCell().optional(),
  dpaStatus: choiceCell(dpaStatusChoices).optional(),
  licences: licencesCell().optional(),
});

export type SystemRow = z.infer<typeof systemRowSchema> & { line: number };
export type { LicenceCell };
