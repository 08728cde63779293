import { Button, Heading, Paragraph, Select, Field, Label, Spinner, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app/ErrorAlert';
import { useDown, useImpact, type ImpactItem, type MapNode } from './queries';

/** The path that explains a result: each step with the relation that led to it. */
function PathText({ item }: { item: ImpactItem }) {
  const { t } = useTranslation('map');
  return (
    <span className="map-path">
      {item.path.map((step, i) => (
        <span key={`${step.id}-${i}`}>
          {step.via && <span className="map-path__via">{` ${t(`via.${step.via}`, { defaultValue: step.via })} `}</span>}
          <span className="map-path__step">{step.name}</span>
        </span>
      ))}
    </span>
  );
}

function ItemList({ id, title, items, total }: { id: string; title: string; items: ImpactItem[]; total?: number }) {
  const { t } = useTranslation('map');
  return (
    <section aria-labelledby={id} className="map-impact__group">
      <Heading level={4} data-size="2xs" id={id}>
        {`${title} (${total ?? items.length})`}
      </Heading>
      {items.length === 0 ? (
        <Paragraph data-size="sm">{t('panel.noneAffected')}</Paragraph>
      ) : (
        <ul className="map-impact__list">
          {items.map((item) => (
            <li key={item.id}>
              <strong>{item.name}</strong>
              {item.personalDataCategory && item.personalDataCategory !== 'none' && (
                <Tag data-color="warning" data-size="sm" className="map-tag">
                  {t(`panel.category.${item.personalDataCategory}`)}
                </Tag>
              )}
              <div className="map-impact__path">
                {t('panel.path')}: <PathText item={item} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DownAnswerView({ id }: { id: string }) {
  const { t } = useTranslation('map');
  const down = useDown(id);
  if (down.isPending) return <Spinner aria-label={t('laying')} />;
  if (down.error) return <ErrorAlert error={down.error} />;
  const a = down.data;
  return (
    <section aria-labelledby="map-down-heading" className="map-impact" data-testid="down-answer">
      <Heading level={3} data-size="xs" id="map-down-heading">
        {t('panel.downHeading', { name: a.origin.name })}
      </Heading>
      <Paragraph data-testid="employees-affected">
        <strong>{t('panel.employees', { count: a.employeesAffected })}</strong>
      </Paragraph>
      <Paragraph data-size="sm">{t(`panel.basis.${a.employeesBasis}`)}</Paragraph>
      {Object.keys(a.personalData).length > 0 && (
        <Paragraph>
          {t('panel.personalData')}:{' '}
          {Object.entries(a.personalData)
            .map(([category, n]) => `${t(`panel.category.${category}`)}: ${n}`)
            .join(', ')}
        </Paragraph>
      )}
      <ItemList id="down-services" title={t('panel.services')} items={a.services} total={a.totals.services} />
      <ItemList id="down-processes" title={t('panel.processes')} items={a.processes} total={a.totals.processes} />
      <ItemList id="down-roles" title={t('panel.roles')} items={a.roles} total={a.totals.roles} />
      <ItemList id="down-systems" title={t('panel.systems')} items={a.systems} total={a.totals.systems} />
      <ItemList id="down-information" title={t('panel.information')} items={a.information} total={a.totals.information} />
      {a.other.length > 0 && <ItemList id="down-other" title={t('panel.other')} items={a.other} total={a.totals.other} />}
    </section>
  );
}

function ImpactView({ id, direction, depth }: { id: string; direction: 'upstream' | 'downstream'; depth: number | null }) {
  const { t } = useTranslation('map');
  const impact = useImpact(id, direction, depth);
  if (impact.isPending) return <Spinner aria-label={t('laying')} />;
  if (impact.error) return <ErrorAlert error={impact.error} />;
  const a = impact.data;
  return (
    <section aria-labelledby="map-impact-heading" className="map-impact">
      <Heading level={3} data-size="xs" id="map-impact-heading">
        {t(`panel.impactHeading_${direction}`, { name: a.origin.name })} – {t('panel.total', { count: a.total })}
      </Heading>
      {a.truncated && <Paragraph data-size="sm">{t('panel.truncated')}</Paragraph>}
      <ItemList id={`impact-${direction}`} title={t('list.heading')} items={a.items} />
    </section>
  );
}

/** What the user can ask about the selected object. */
export function ImpactPanel({ node, onFocus }: { node: MapNode | null; onFocus: (id: string) => void }) {
  const { t } = useTranslation('map');
  const [question, setQuestion] = useState<{ id: string; kind: 'down' | 'upstream' | 'downstream' } | null>(null);
  const [depth, setDepth] = useState<string>('');
  if (!node) return <Paragraph className="map-panel">{t('panel.none')}</Paragraph>;
  const asked = question && question.id === node.id ? question : null;
  return (
    <aside className="map-panel" aria-labelledby="map-panel-heading">
      <Heading level={2} data-size="xs" id="map-panel-heading">
        {t('panel.heading', { name: node.name })}
      </Heading>
      <Paragraph data-size="sm">{t(`kind.${node.kind}`)}</Paragraph>
      <div className="map-panel__actions">
        <Button variant="secondary" data-size="sm" onClick={() => onFocus(node.id)}>
          {t('panel.focus')}
        </Button>
        <Button data-size="sm" onClick={() => setQuestion({ id: node.id, kind: 'down' })}>
          {t('panel.down')}
        </Button>
        <Button variant="secondary" data-size="sm" onClick={() => setQuestion({ id: node.id, kind: 'upstream' })}>
          {t('panel.upstream')}
        </Button>
        <Button variant="secondary" data-size="sm" onClick={() => setQuestion({ id: node.id, kind: 'downstream' })}>
          {t('panel.downstream')}
        </Button>
        <Field data-size="sm">
          <Label htmlFor="map-impact-depth">{t('panel.depth')}</Label>
          <Select id="map-impact-depth" value={depth} onChange={(e) => setDepth(e.target.value)}>
            <Select.Option value="">{t('panel.transitive')}</Select.Option>
            {[1, 2, 3, 4, 5].map((n) => (
              <Select.Option key={n} value={String(n)}>
                {n}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      <div aria-live="polite">
        {asked?.kind === 'down' && <DownAnswerView id={node.id} />}
        {(asked?.kind === 'upstream' || asked?.kind === 'downstream') && <ImpactView id={node.id} direction={asked.kind} depth={depth ? Number(depth) : null} />}
      </div>
    </aside>
  );
}
