/** Export, template download and import for one kind of data (the catalogue, the organisation, a kind of the model). */
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session';
import { ImportDialog } from './ImportDialog';
import { exportUrl, templateUrl, type TransferKind } from './queries';
import './transfer.css';

export { JobProgress } from './JobProgress';

export function ImportExportPanel({ kind }: { kind: TransferKind }) {
  const { t } = useTranslation('transfer');
  const session = useSession();
  const [importing, setImporting] = useState(false);
  const importButton = useRef<HTMLButtonElement>(null);
  const headingId = `transfer-${kind}-heading`;
  // How a kind's cells name other objects, where a kind has such cells.
  const hint = t(`panel.hint.${kind}`, { defaultValue: '' });

  return (
    <section className="transfer-panel" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t(`panel.heading.${kind}`)}
      </Heading>
      <Paragraph data-size="sm">{t('panel.intro')}</Paragraph>
      {hint && <Paragraph data-size="sm">{hint}</Paragraph>}
      <div className="transfer-actions">
        <Button asChild variant="secondary">
          <a href={exportUrl(kind, 'csv')} download>
            {t('panel.exportCsv')}
          </a>
        </Button>
        <Button asChild variant="secondary">
          <a href={exportUrl(kind, 'xlsx')} download>
            {t('panel.exportXlsx')}
          </a>
        </Button>
        <Button asChild variant="tertiary">
          <a href={templateUrl(kind, 'csv')} download>
            {t('panel.templateCsv')}
          </a>
        </Button>
        <Button asChild variant="tertiary">
          <a href={templateUrl(kind, 'xlsx')} download>
            {t('panel.templateXlsx')}
          </a>
        </Button>
        {session.can('import:run') && (
          <Button ref={importButton} onClick={() => setImporting(true)}>
            {t('panel.import')}
          </Button>
        )}
      </div>
      {importing && (
        <ImportDialog
          kind={kind}
          onClose={() => {
            setImporting(false);
            requestAnimationFrame(() => importButton.current?.focus());
          }}
        />
      )}
    </section>
  );
}
