import { Button, Fieldset, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { inputId, newLicenceRow, type FieldErrors, type LicenceRow } from './system-form';

/** The system's licence pools: one row each of type, count and unit price; add and remove rows. */
export function LicenceRows({ rows, onChange, errors }: { rows: LicenceRow[]; onChange: (rows: LicenceRow[]) => void; errors: FieldErrors }) {
  const { t } = useTranslation('catalogue');
  const update = (index: number, change: Partial<LicenceRow>) => onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  return (
    <Fieldset>
      <Fieldset.Legend>{t('field.licences')}</Fieldset.Legend>
      {rows.length === 0 && <Paragraph data-size="sm">{t('form.noLicences')}</Paragraph>}
      {rows.map((row, index) => {
        const number = index + 1;
        const path = (leaf: string) => `licences.${index}.${leaf}`;
        return (
          <Fieldset key={row.key} className="licence-row" data-size="sm">
            <Fieldset.Legend>{t('form.licence', { number })}</Fieldset.Legend>
            <div className="licence-row__fields">
              <Textfield
                id={inputId(path('licenceType'))}
                label={t('field.licenceType')}
                value={row.licenceType}
                onChange={(event) => update(index, { licenceType: event.target.value })}
                error={errors[path('licenceType')]}
                autoComplete="off"
              />
              <Textfield
                id={inputId(path('count'))}
                label={t('field.count')}
                inputMode="numeric"
                value={row.count}
                onChange={(event) => update(index, { count: event.target.value })}
                error={errors[path('count')]}
                autoComplete="off"
              />
              <Textfield
                id={inputId(path('unitPrice'))}
                label={t('field.unitPriceKr')}
                inputMode="decimal"
                value={row.unitPrice}
                onChange={(event) => update(index, { unitPrice: event.target.value })}
                error={errors[path('unitPrice')]}
                autoComplete="off"
              />
              <Button type="button" variant="tertiary" data-color="danger" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
                {t('form.removeLicence', { number })}
              </Button>
            </div>
          </Fieldset>
        );
      })}
      <div>
        <Button type="button" variant="secondary" onClick={() => onChange([...rows, newLicenceRow()])}>
          {t('form.addLicence')}
        </Button>
      </div>
    </Fieldset>
  );
}
