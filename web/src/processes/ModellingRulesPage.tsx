import { Button, Heading, Paragraph, Select, Table, Alert } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/page-title';
import { useSession } from '../app/session';
import { useRules, useInvalidateProcesses, type ModellingRule } from './queries';

/** The modelling standard [modelleringsstandard]: each rule off, warn or error for this municipality. */
export function ModellingRulesPage() {
  const { t, i18n } = useTranslation('processes');
  usePageTitle(t('rules.title'));
  const { can } = useSession();
  const rules = useRules();
  const invalidate = useInvalidateProcesses();
  const [levels, setLevels] = useState<Record<string, ModellingRule['level']>>({});
  const save = useMutation({ mutationFn: () => api.put('/api/process-modelling-rules', { levels }), onSuccess: () => invalidate() });
  if (rules.isPending) return <PageLoading />;
  if (rules.error) return <ErrorAlert error={rules.error} />;
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('rules.title')}
      </Heading>
      <Paragraph>{t('rules.intro')}</Paragraph>
      <Table>
        <caption className="sr-only">{t('rules.title')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('rules.rule')}</Table.HeaderCell>
            <Table.HeaderCell>{t('rules.source')}</Table.HeaderCell>
            <Table.HeaderCell>{t('rules.level')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rules.data.items.map((rule) => (
            <Table.Row key={rule.name}>
              <Table.Cell>
                {rule.description[lang]} <code className="grm-muted">{rule.name}</code>
              </Table.Cell>
              <Table.Cell>{rule.source === 'grunnmur' ? t('rules.own') : 'bpmnlint'}</Table.Cell>
              <Table.Cell>
                <Select
                  aria-label={t('rules.levelFor', { rule: rule.description[lang] })}
                  value={levels[rule.name] ?? rule.level}
                  disabled={!can('processes:approve')}
                  onChange={(event) => setLevels((all) => ({ ...all, [rule.name]: event.target.value as ModellingRule['level'] }))}
                >
                  {(['off', 'warn', 'error'] as const).map((level) => (
                    <Select.Option key={level} value={level}>
                      {t(`rules.levels.${level}`)}
                    </Select.Option>
                  ))}
                </Select>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {save.isSuccess && (
        <Alert data-color="success" role="status">
          {t('rules.saved')}
        </Alert>
      )}
      {save.error && <ErrorAlert error={save.error} />}
      {can('processes:approve') && (
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={Object.keys(levels).length === 0}>
          {t('rules.save')}
        </Button>
      )}
    </div>
  );
}
