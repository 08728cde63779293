import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { referenceKind } from './describe';
import { useReferenceName } from './queries';

/** Columns whose values are codes with a translated label in the catalogue's or audit's strings. */
const coded: Record<string, string> = {
  lifecycle_phase: 'catalogue:lifecyclePhase',
  criticality: 'catalogue:criticality',
  hosting: 'catalogue:hosting',
  dpa_status: 'catalogue:dpaStatus',
  kind: 'audit:values.kind',
  role: 'auth:roles',
};

const moneyFields = new Set(['annual_cost', 'unit_price']);
const maxLength = 120;

function ReferenceName({ field, id }: { field: string; id: string }) {
  const { t } = useTranslation('audit');
  const name = useReferenceName(referenceKind(field), id);
  if (name.data) return <>{name.data}</>;
  if (name.isPending && name.fetchStatus !== 'idle') return <>…</>;
  return <>{t('values.unknownReference')}</>;
}

/** One value in a history line, shown as a person would say it rather than as stored. */
export function HistoryValue({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation(['audit', 'catalogue', 'auth']);
  const format = useFormat();
  if (value === null || value === undefined || value === '') return <>{t('values.empty')}</>;
  if (typeof value === 'boolean') return <>{value ? t('values.yes') : t('values.no')}</>;
  if (typeof value === 'number' || (moneyFields.has(field) && !Number.isNaN(Number(value)))) {
    return <>{moneyFields.has(field) ? format.money(Number(value)) : format.number(Number(value))}</>;
  }
  if (Array.isArray(value)) {
    const prefix = field === 'roles' ? 'auth:roles' : undefined;
    return <>{value.map((item) => (prefix ? t(`${prefix}.${String(item)}`, { defaultValue: String(item) }) : String(item))).join(', ')}</>;
  }
  if (typeof value === 'string' && referenceKind(field)) return <ReferenceName field={field} id={value} />;
  if (typeof value === 'string' && field.endsWith('_date') && /^\d{4}-\d{2}-\d{2}$/.test(value)) return <>{format.date(value)}</>;
  if (typeof value === 'string' && field.endsWith('_at') && !Number.isNaN(Date.parse(value))) return <>{format.dateTime(value)}</>;
  const codedPrefix = coded[field];
  if (typeof value === 'string' && codedPrefix) return <>{t(`${codedPrefix}.${value}`, { defaultValue: value })}</>;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return <>{text.length > maxLength ? `${text.slice(0, maxLength)}…` : text}</>;
}
