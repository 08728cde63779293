import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Criticality } from './model';

const colors: Record<Criticality, string> = { low: 'neutral', medium: 'info', high: 'warning', critical: 'danger' };

export function CriticalityTag({ criticality }: { criticality: Criticality }) {
  const { t } = useTranslation('catalogue');
  return (
    <Tag data-color={colors[criticality]} data-size="sm">
      {t(`criticality.${criticality}`)}
    </Tag>
  );
}
