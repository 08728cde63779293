import { Field, Heading, Label, Link, Paragraph, Select, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { ErrorAlert } from '../app/ErrorAlert';
import { usePageTitle } from '../app/page-title';
import { PageSection } from '../org/PageSection';
import type { ProcessCard } from './model';
import { PortalSearchBox } from './PortalSearchBox';
import { PortalSubNav } from './PortalNav';
import { useCodeLists, useCodeValues, useMyProcesses, usePublishedProcesses } from './queries';
import './portal.css';

function ProcessList({ items, empty }: { items: ProcessCard[]; empty: string }) {
  const { t } = useTranslation('portal');
  if (items.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <ul className="portal-cards">
      {items.map((process) => (
        <li key={process.id} className="portal-card">
          <Link asChild>
            <RouterLink to={`/portal/processes/${process.id}`}>{process.name}</RouterLink>
          </Link>
          {process.purpose && <Paragraph data-size="sm">{process.purpose}</Paragraph>}
          <Paragraph data-size="xs" className="portal-muted">
            {[process.ownerName && t('process.ownedBy', { name: process.ownerName }), process.reason && t(`mine.reason.${process.reason}`)].filter(Boolean).join(' · ')}
          </Paragraph>
        </li>
      ))}
    </ul>
  );
}

export function PortalHomePage() {
  const { t } = useTranslation('portal');
  usePageTitle(t('title'));
  const mine = useMyProcesses();
  const [params, setParams] = useSearchParams();
  const list = params.get('list') ?? '';
  const code = params.get('code') ?? '';
  const all = usePublishedProcesses({ code });
  const lists = useCodeLists();
  const values = useCodeValues(list || undefined);
  const setFilter = (next: { list?: string; code?: string }) => {
    const updated = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) updated.set(key, value);
      else updated.delete(key);
    }
    setParams(updated, { replace: true });
  };

  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('title')}
      </Heading>
      <PortalSubNav />
      <Paragraph>{t('intro')}</Paragraph>
      <PortalSearchBox />
      <PageSection id="portal-mine" title={t('mine.title')}>
        {mine.isPending ? (
          <Spinner aria-label={t('loading')} />
        ) : mine.error ? (
          <ErrorAlert error={mine.error} />
        ) : (
          <>
            {mine.data.businessRoles.length > 0 && (
              <Paragraph data-size="sm">{t('mine.roles', { roles: mine.data.businessRoles.map((r) => r.name).join(', ') })}</Paragraph>
            )}
            <ProcessList items={mine.data.items} empty={t('mine.empty')} />
          </>
        )}
      </PageSection>
      <PageSection id="portal-all" title={t('all.title')}>
        <div className="portal-filters">
          <Field data-size="sm">
            <Label>{t('all.codeList')}</Label>
            <Select value={list} onChange={(event) => setFilter({ list: event.target.value, code: '' })}>
              <Select.Option value="">{t('all.anyList')}</Select.Option>
              {(lists.data?.items ?? []).map((item) => (
                <Select.Option key={item.id} value={item.id}>
                  {item.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          {list && (
            <Field data-size="sm">
              <Label>{t('all.code')}</Label>
              <Select value={code} onChange={(event) => setFilter({ code: event.target.value })}>
                <Select.Option value="">{t('all.anyCode')}</Select.Option>
                {(values.data?.items ?? []).map((value) => (
                  <Select.Option key={value.id} value={value.id}>
                    {`${value.code} ${value.name}`}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          )}
        </div>
        {all.isPending ? <Spinner aria-label={t('loading')} /> : all.error ? <ErrorAlert error={all.error} /> : <ProcessList items={all.data.items} empty={t('all.empty')} />}
      </PageSection>
    </div>
  );
}
