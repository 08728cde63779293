/** Choose one person (or nobody) by searching: a search field and a short list of radio buttons. */
import { Fieldset, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePersons, type Ref } from './queries';
import { useDebouncedValue } from './use-debounced-value';

interface PersonPickerProps {
  legend: string;
  searchLabel: string;
  noneLabel: string;
  value: Ref | null;
  onChange(person: Ref | null): void;
  name: string;
  error?: string;
}

export function PersonPicker({ legend, searchLabel, noneLabel, value, onChange, name, error }: PersonPickerProps) {
  const { t } = useTranslation('org');
  const [query, setQuery] = useState('');
  const search = useDebouncedValue(query.trim(), 250);
  const persons = usePersons({ search, pageSize: 8 }, search.length >= 2);
  const found = search.length >= 2 ? (persons.data?.items ?? []).filter((person) => person.id !== value?.id) : [];

  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Textfield
        type="search"
        label={searchLabel}
        description={t('picker.hint')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        autoComplete="off"
      />
      <div className="org-choices" aria-busy={persons.isFetching}>
        <Radio name={name} value="" label={noneLabel} checked={value === null} onChange={() => onChange(null)} />
        {value && (
          <Radio name={name} value={value.id} label={value.name} description={t('picker.current')} checked onChange={() => onChange(value)} />
        )}
        {found.map((person) => (
          <Radio
            key={person.id}
            name={name}
            value={person.id}
            label={person.name}
            description={[person.position, person.unit?.name, person.employeeNumber].filter(Boolean).join(' · ')}
            checked={false}
            onChange={() => onChange({ id: person.id, name: person.name })}
          />
        ))}
      </div>
      <p className="visually-hidden-org" aria-live="polite">
        {search.length >= 2 && persons.data ? t('picker.found', { count: found.length }) : ''}
      </p>
      {error && <p className="ds-validation-message" data-color="danger">{error}</p>}
    </Fieldset>
  );
}
