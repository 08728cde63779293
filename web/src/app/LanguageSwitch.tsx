import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { languages } from './i18n';

/** Each language is named in itself, so someone who cannot read the current one still finds theirs. */
const ownNames: Record<(typeof languages)[number], string> = { nb: 'Norsk bokmål', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('app');
  return (
    <Field data-size="sm" className="language-switch">
      <Label>{t('language')}</Label>
      <Select value={i18n.resolvedLanguage} onChange={(event) => void i18n.changeLanguage(event.target.value)} width="auto">
        {languages.map((language) => (
          <Select.Option key={language} value={language} lang={language}>
            {ownNames[language]}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
