import { Button, Field, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../app/use-debounced';
import { auditFilterKeys, type useAuditLogState } from './audit-log-state';

type LogState = ReturnType<typeof useAuditLogState>;

const entityTypes = ['systems', 'licence_pools', 'org_units', 'persons', 'employments', 'positions', 'users', 'api_tokens'];
const actions = ['insert', 'update', 'delete'];

/** A text filter that updates the address bar once typing pauses. */
function DebouncedText({ label, value, onChange }: { label: string; value: string | undefined; onChange: (value: string | undefined) => void }) {
  const [text, setText] = useState(value ?? '');
  const debounced = useDebounced(text, 350);
  useEffect(() => setText(value ?? ''), [value]);
  useEffect(() => {
    if (debounced.trim() !== (value ?? '')) onChange(debounced.trim() || undefined);
    // Only a pause in typing should filter; the address bar changing must not write back.
  }, [debounced]);
  return <Textfield label={label} data-size="sm" value={text} onChange={(event) => setText(event.target.value)} autoComplete="off" />;
}

export function AuditFilters({ state }: { state: LogState }) {
  const { t } = useTranslation('audit');
  const { query, update } = state;
  const anyFilter = auditFilterKeys.some((key) => query[key] !== undefined);
  return (
    <form role="search" aria-label={t('log.filters')} className="audit-filters" onSubmit={(event) => event.preventDefault()}>
      <Field data-size="sm">
        <Label>{t('log.entityType')}</Label>
        <Select value={query.entityType ?? ''} onChange={(event) => update({ entityType: event.target.value || undefined })}>
          <Select.Option value="">{t('log.all')}</Select.Option>
          {entityTypes.map((type) => (
            <Select.Option key={type} value={type}>
              {t(`entityPlural.${type}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field data-size="sm">
        <Label>{t('log.action')}</Label>
        <Select value={query.action ?? ''} onChange={(event) => update({ action: event.target.value || undefined })}>
          <Select.Option value="">{t('log.all')}</Select.Option>
          {actions.map((action) => (
            <Select.Option key={action} value={action}>
              {t(`actions.${action}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <DebouncedText label={t('log.actor')} value={query.actor} onChange={(actor) => update({ actor })} />
      <DebouncedText label={t('log.search')} value={query.search} onChange={(search) => update({ search })} />
      <Textfield
        label={t('log.from')}
        type="date"
        data-size="sm"
        value={query.from ?? ''}
        onChange={(event) => update({ from: event.target.value || undefined })}
      />
      <Textfield label={t('log.to')} type="date" data-size="sm" value={query.to ?? ''} onChange={(event) => update({ to: event.target.value || undefined })} />
      {anyFilter && (
        <div className="audit-filters__clear">
          <Button type="button" variant="tertiary" data-size="sm" onClick={state.clear}>
            {t('log.clear')}
          </Button>
        </div>
      )}
    </form>
  );
}
