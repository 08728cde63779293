import type { FieldProblem } from '../app/api';
import type { Criticality, DpaStatus, HostingKind, LifecyclePhase, Ref, SystemDetail, SystemInput } from './model';

/**
 * The system form's values as the inputs hold them (text), and the pure steps between them and
 * the API: fill from a system, check, convert, and place the server's problems on fields.
 */
export interface LicenceRow {
  /** Stable across edits so React keeps each row's inputs. */
  key: string;
  licenceType: string;
  count: string;
  unitPrice: string;
}

export interface SystemFormValues {
  name: string;
  description: string;
  lifecyclePhase: LifecyclePhase;
  criticality: Criticality;
  owner: Ref | null;
  administrator: Ref | null;
  owningUnitId: string;
  supplier: string;
  hosting: HostingKind | '';
  annualCost: string;
  dpaStatus: DpaStatus;
  licences: LicenceRow[];
}

/** Error messages by field path as the server names them: `name`, `licences.0.count`. */
export type FieldErrors = Record<string, string>;

let rowCounter = 0;
export const newLicenceRow = (values: Partial<LicenceRow> = {}): LicenceRow => ({
  key: `licence-${++rowCounter}`,
  licenceType: '',
  count: '',
  unitPrice: '',
  ...values,
});

export function toFormValues(system?: SystemDetail): SystemFormValues {
  return {
    name: system?.name ?? '',
    description: system?.description ?? '',
    lifecyclePhase: system?.lifecyclePhase ?? 'idea',
    criticality: system?.criticality ?? 'medium',
    owner: system?.owner ?? null,
    administrator: system?.administrator ?? null,
    owningUnitId: system?.owningUnit?.id ?? '',
    supplier: system?.supplier ?? '',
    hosting: system?.hosting ?? '',
    annualCost: system?.annualCost === null || system?.annualCost === undefined ? '' : String(system.annualCost),
    dpaStatus: system?.dpaStatus ?? 'missing',
    licences: (system?.licences ?? []).map((licence) =>
      newLicenceRow({ licenceType: licence.licenceType, count: String(licence.count), unitPrice: String(licence.unitPrice) }),
    ),
  };
}

/** Reads a number as Norwegians write it: «1 200,50» as well as «1200.50». Empty is null; junk is NaN. */
export function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(/kr$/i, '').replace(',', '.');
  if (cleaned === '') return null;
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

export interface ValidationMessages {
  required: string;
  invalidNumber: string;
  negative: string;
  wholeNumber: string;
}

/** The checks the browser can make before asking the server; the server checks everything again. */
export function validateSystemForm(values: SystemFormValues, messages: ValidationMessages): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = messages.required;
  const cost = parseAmount(values.annualCost);
  if (cost !== null && Number.isNaN(cost)) errors.annualCost = messages.invalidNumber;
  else if (cost !== null && cost < 0) errors.annualCost = messages.negative;
  values.licences.forEach((row, index) => {
    if (!row.licenceType.trim()) errors[`licences.${index}.licenceType`] = messages.required;
    const count = parseAmount(row.count);
    if (count === null) errors[`licences.${index}.count`] = messages.required;
    else if (Number.isNaN(count)) errors[`licences.${index}.count`] = messages.invalidNumber;
    else if (!Number.isInteger(count)) errors[`licences.${index}.count`] = messages.wholeNumber;
    else if (count < 0) errors[`licences.${index}.count`] = messages.negative;
    const price = parseAmount(row.unitPrice);
    if (price !== null && Number.isNaN(price)) errors[`licences.${index}.unitPrice`] = messages.invalidNumber;
    else if (price !== null && price < 0) errors[`licences.${index}.unitPrice`] = messages.negative;
  });
  return errors;
}

/** Converts checked values to the API's body. Call only when `validateSystemForm` found nothing. */
export function toSystemInput(values: SystemFormValues): SystemInput {
  return {
    name: values.name.trim(),
    description: values.description,
    lifecyclePhase: values.lifecyclePhase,
    criticality: values.criticality,
    ownerPersonId: values.owner?.id ?? null,
    administratorPersonId: values.administrator?.id ?? null,
    owningUnitId: values.owningUnitId || null,
    supplier: values.supplier.trim() || null,
    hosting: values.hosting || null,
    annualCost: parseAmount(values.annualCost),
    dpaStatus: values.dpaStatus,
    licences: values.licences.map((row) => ({
      licenceType: row.licenceType.trim(),
      count: parseAmount(row.count) ?? 0,
      unitPrice: parseAmount(row.unitPrice) ?? 0,
    })),
  };
}

/** The server's problems by field; those without a field are returned apart, to show on top. */
export function problemsByField(problems: FieldProblem[]): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const problem of problems) {
    const field = problem.field?.replace(/^body\.?/, '');
    if (field) fields[field] ??= problem.message;
    else general.push(problem.message);
  }
  return { fields, general };
}

/** The id of the input for a field path, so the error summary can link to it. */
export const inputId = (field: string) => `system-${field.replaceAll('.', '-')}`;
