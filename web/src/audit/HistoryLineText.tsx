import { Trans, useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import type { HistoryLine } from './describe';
import { HistoryValue } from './HistoryValue';

/** Field names in a sentence: the entity's own wording first, then the shared one, then the column itself. */
export function useFieldLabel() {
  const { t } = useTranslation('audit');
  return (entityType: string, field: string) =>
    t([`fields.${entityType}.${field}`, `fields.common.${field}`], { defaultValue: field.replaceAll('_', ' ') });
}

export function useEntityNoun() {
  const { t } = useTranslation('audit');
  return (entityType: string) => t(`entity.${entityType}`, { defaultValue: entityType });
}

/** A licence pool said in brief: «(25 × 1 200 kr)». */
function LicenceSummary({ row }: { row: Record<string, unknown> }) {
  const { t } = useTranslation('audit');
  const format = useFormat();
  if (typeof row.count !== 'number') return null;
  return <> {t('line.licenceSummary', { count: format.number(row.count), price: format.money(Number(row.unit_price ?? 0)) })}</>;
}

/** An employment said in brief: «(Hjemmetjenesten, Helsefagarbeider, fra 1. jan. 2020)». */
function EmploymentSummary({ row }: { row: Record<string, unknown> }) {
  const { t } = useTranslation('audit');
  const format = useFormat();
  if (typeof row.org_unit_id !== 'string') return null;
  return (
    <>
      {' ('}
      <HistoryValue field="org_unit_id" value={row.org_unit_id} />
      {typeof row.position_id === 'string' && (
        <>
          {', '}
          <HistoryValue field="position_id" value={row.position_id} />
        </>
      )}
      {typeof row.start_date === 'string' && `, ${t('line.from', { date: format.date(row.start_date) })}`}
      {')'}
    </>
  );
}

/** One sentence of a history: «Endret navn fra «Acos» til «Acos WebSak»». */
export function HistoryLineText({ line }: { line: HistoryLine }) {
  const { t } = useTranslation('audit');
  const fieldLabel = useFieldLabel();
  const noun = useEntityNoun();
  switch (line.kind) {
    case 'created':
    case 'deleted':
      return (
        <>
          {t(line.label ? `line.${line.kind}` : `line.${line.kind}Unlabelled`, { type: noun(line.entityType), label: line.label })}
          {line.entityType === 'licence_pools' && <LicenceSummary row={line.row} />}
          {line.entityType === 'employments' && <EmploymentSummary row={line.row} />}
        </>
      );
    case 'other':
      return (
        <>
          {t(`line.action.${line.action}`, { defaultValue: t('line.otherAction', { action: line.action }) })}
          {line.label ? ` ${t('line.about', { type: noun(line.entityType), label: line.label })}` : ''}
        </>
      );
    case 'changed': {
      const field = fieldLabel(line.entityType, line.field);
      const before = <HistoryValue field={line.field} value={line.before} />;
      const after = <HistoryValue field={line.field} value={line.after} />;
      const wasEmpty = line.before === null || line.before === '';
      const isEmpty = line.after === null || line.after === '';
      const key = wasEmpty ? 'line.set' : isEmpty ? 'line.cleared' : 'line.changed';
      return <Trans t={t} i18nKey={key} values={{ field }} components={{ before, after }} />;
    }
  }
}
