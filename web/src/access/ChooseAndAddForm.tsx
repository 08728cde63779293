import { Button, Field, Label, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Choice {
  id: string;
  label: string;
}

/** Pick one of a list and add it (a system role to a business role, a required competence …). */
export function ChooseAndAddForm({
  label,
  placeholder,
  options,
  pending,
  onAdd,
}: {
  label: string;
  placeholder: string;
  options: readonly Choice[];
  pending: boolean;
  /** Adds the chosen one; call `done` when it is stored, which clears the choice. */
  onAdd(id: string, done: () => void): void;
}) {
  const { t } = useTranslation('access');
  const [choice, setChoice] = useState('');
  return (
    <form
      className="access-inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (choice) onAdd(choice, () => setChoice(''));
      }}
    >
      <Field>
        <Label>{label}</Label>
        <Select value={choice} onChange={(event) => setChoice(event.target.value)}>
          <Select.Option value="">{placeholder}</Select.Option>
          {options.map((option) => (
            <Select.Option key={option.id} value={option.id}>
              {option.label}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="secondary" disabled={!choice || pending}>
        {t('add')}
      </Button>
    </form>
  );
}
