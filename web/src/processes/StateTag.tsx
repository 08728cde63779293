import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { VersionState } from './queries';

const colours: Record<VersionState, 'success' | 'warning' | 'info' | 'neutral' | 'accent'> = {
  draft: 'neutral',
  in_review: 'warning',
  approved: 'info',
  published: 'success',
  retired: 'neutral',
  superseded: 'neutral',
};

export function StateTag({ state }: { state: VersionState }) {
  const { t } = useTranslation('processes');
  return (
    <Tag data-color={colours[state]} data-size="sm">
      {t(`state.${state}`)}
    </Tag>
  );
}
