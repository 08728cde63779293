import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../org/queries';
import { allNodes, buildTree } from '../org/tree';

/** The owning unit, chosen from the org tree shown as an indented list. */
export function UnitSelect({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const { t } = useTranslation('catalogue');
  const units = useOrgUnits();
  const nodes = units.data ? allNodes(buildTree(units.data)) : [];
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={error ? true : undefined} aria-busy={units.isPending}>
        <Select.Option value="">{t('form.notChosen')}</Select.Option>
        {nodes.map((node) => (
          <Select.Option key={node.unit.id} value={node.unit.id}>
            {'\u00a0\u00a0'.repeat(node.level - 1)}
            {node.unit.name}
          </Select.Option>
        ))}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}
