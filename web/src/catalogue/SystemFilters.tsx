import { Button, Field, Label, Search, Select } from '@digdir/designsystemet-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../app/use-debounced';
import type { useSystemListState } from './list-state';
import { filterKeys } from './list-state';
import { criticalities, lifecyclePhases } from './model';
import { useSystemFacets } from './queries';

type ListState = ReturnType<typeof useSystemListState>;

function SystemSearch({ state }: { state: ListState }) {
  const { t } = useTranslation('catalogue');
  const id = useId();
  const current = state.query.search ?? '';
  const [text, setText] = useState(current);
  const debounced = useDebounced(text, 300);
  const { update } = state;

  // The address bar can change under us (back button, "clear filters"): follow it.
  useEffect(() => setText(current), [current]);
  useEffect(() => {
    if (debounced.trim() !== current) update({ search: debounced.trim() || undefined });
    // Only a pause in typing should search; `current` changing on its own must not.
  }, [debounced]);

  return (
    <div className="system-search">
      <Label htmlFor={id}>{t('list.search')}</Label>
      <Search>
        <Search.Input
          id={id}
          name="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={`${id}-description`}
        />
        <Search.Clear aria-label={t('list.clearSearch')} onClick={() => setText('')} />
      </Search>
      <span id={`${id}-description`} className="visually-hidden">
        {t('list.searchDescription')}
      </span>
    </div>
  );
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}) {
  const { t } = useTranslation('catalogue');
  return (
    <Field data-size="sm">
      <Label>{label}</Label>
      <Select value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        <Select.Option value="">{t('list.all')}</Select.Option>
        {options.map((option) => (
          <Select.Option key={option.value} value={option.value}>
            {option.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

export function SystemFilters({ state }: { state: ListState }) {
  const { t } = useTranslation('catalogue');
  const facets = useSystemFacets();
  const { query, update } = state;
  const anyFilter = Boolean(query.search) || filterKeys.some((key) => query[key] !== undefined);
  return (
    <form role="search" aria-label={t('list.filters')} className="system-filters" onSubmit={(event) => event.preventDefault()}>
      <SystemSearch state={state} />
      <div className="system-filters__selects">
        <FilterSelect
          label={t('field.lifecyclePhase')}
          value={query.lifecyclePhase}
          options={lifecyclePhases.map((value) => ({ value, label: t(`lifecyclePhase.${value}`) }))}
          onChange={(value) => update({ lifecyclePhase: value })}
        />
        <FilterSelect
          label={t('field.criticality')}
          value={query.criticality}
          options={criticalities.map((value) => ({ value, label: t(`criticality.${value}`) }))}
          onChange={(value) => update({ criticality: value })}
        />
        <FilterSelect
          label={t('field.owner')}
          value={query.ownerPersonId}
          options={(facets.data?.owners ?? []).map((owner) => ({ value: owner.id, label: owner.name }))}
          onChange={(value) => update({ ownerPersonId: value })}
        />
        <FilterSelect
          label={t('field.owningUnit')}
          value={query.owningUnitId}
          options={(facets.data?.units ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
          onChange={(value) => update({ owningUnitId: value })}
        />
        <FilterSelect
          label={t('field.supplier')}
          value={query.supplier}
          options={(facets.data?.suppliers ?? []).map((supplier) => ({ value: supplier, label: supplier }))}
          onChange={(value) => update({ supplier: value })}
        />
      </div>
      {anyFilter && (
        <div>
          <Button type="button" variant="tertiary" data-size="sm" onClick={state.clearFilters}>
            {t('list.clearFilters')}
          </Button>
        </div>
      )}
    </form>
  );
}
