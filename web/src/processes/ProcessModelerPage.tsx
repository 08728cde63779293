import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import { Alert, Button, Checkbox, Field, Heading, Label, Link, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import Modeler from 'bpmn-js/lib/Modeler';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { api } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { PageLoading } from '../app/PageLoading';
import { usePageTitle } from '../app/page-title';
import { lintDefinitions } from '../../../server/src/modules/processes/lint/run.ts';
import type { ElementLink } from './BpmnViewer';
import { LintProblem } from './ProcessPage';
import { StateTag } from './StateTag';
import {
  useBusinessRoles,
  useInformationObjects,
  useInvalidateProcesses,
  useProcesses,
  useRules,
  useSystemRoles,
  useSystems,
  useVersion,
  type LintFinding,
  type VersionDetail,
} from './queries';
import './processes.css';

type Link = Pick<ElementLink, 'elementId' | 'kind' | 'targetId'> & { systemRoleId: string | null };
type ShapeElement = { id: string; type: string; businessObject: { name?: string; $instanceOf(type: string): boolean } };
type Services = {
  canvas: { zoom(level: 'fit-viewport'): void; addMarker(id: string, marker: string): void; removeMarker(id: string, marker: string): void };
  elementRegistry: { getAll(): ShapeElement[]; get(id: string): ShapeElement | undefined };
  eventBus: { on(event: string, callback: (event: { newSelection?: ShapeElement[] }) => void): void };
  modeling: { updateProperties(element: ShapeElement, properties: Record<string, unknown>): void };
  selection: { select(element: ShapeElement): void };
};

const kindOf = (element: ShapeElement): 'lane' | 'task' | 'data' | 'call' | null => {
  const bo = element.businessObject;
  if (!bo?.$instanceOf) return null;
  if (bo.$instanceOf('bpmn:Lane')) return 'lane';
  if (bo.$instanceOf('bpmn:CallActivity')) return 'call';
  if (bo.$instanceOf('bpmn:Task')) return 'task';
  if (bo.$instanceOf('bpmn:DataObjectReference')) return 'data';
  return null;
};

const linkContext = (links: Link[]) => {
  const of = (...kinds: string[]) => links.filter((l) => kinds.includes(l.kind)).map((l) => l.elementId);
  return { laneRoles: of('lane_business_role'), taskSystemsOrManual: of('task_system', 'task_manual'), calledProcesses: of('call_process'), dataObjects: of('data_information_object') };
};

/** The modeler [modellerer]: bpmn-js with our own properties panel and the modelling standard live. */
export function ProcessModelerPage() {
  const { versionId = '' } = useParams();
  const version = useVersion(versionId);
  const { t } = useTranslation('processes');
  usePageTitle(version.data ? t('modeler.titleFor', { name: version.data.processName }) : t('modeler.title'));
  if (version.isPending) return <PageLoading />;
  if (version.error) return <ErrorAlert error={version.error} />;
  return <ModelerWorkspace version={version.data} />;
}

function ModelerWorkspace({ version }: { version: VersionDetail }) {
  const { t } = useTranslation('processes');
  const navigate = useNavigate();
  const invalidate = useInvalidateProcesses();
  const container = useRef<HTMLDivElement>(null);
  const modeler = useRef<Modeler | null>(null);
  const [links, setLinks] = useState<Link[]>(() => version.links.map((l) => ({ elementId: l.elementId, kind: l.kind, targetId: l.targetId, systemRoleId: l.systemRoleId ?? null })));
  const [elements, setElements] = useState<{ id: string; name: string; kind: 'lane' | 'task' | 'data' | 'call' }[]>([]);
  const [selected, setSelected] = useState<string>('');
  const [findings, setFindings] = useState<LintFinding[]>([]);
  const [changed, setChanged] = useState(0);
  const [saved, setSaved] = useState(false);
  const rules = useRules();
  const settings = useMemo(() => Object.fromEntries((rules.data?.items ?? []).map((r) => [r.name, r.level])), [rules.data]);
  const editable = version.state === 'draft';

  const refreshElements = useCallback(() => {
    const services = modeler.current?.get('elementRegistry') as Services['elementRegistry'] | undefined;
    if (!services) return;
    const list = services
      .getAll()
      .map((element) => ({ element, kind: kindOf(element) }))
      .filter((entry): entry is { element: ShapeElement; kind: 'lane' | 'task' | 'data' | 'call' } => entry.kind !== null && !entry.element.id.endsWith('_label'))
      .map(({ element, kind }) => ({ id: element.id, name: element.businessObject.name ?? element.id, kind }));
    setElements(list);
  }, []);

  useEffect(() => {
    if (!container.current) return;
    const instance = new Modeler({ container: container.current, keyboard: { bindTo: document } });
    modeler.current = instance;
    void instance.importXML(version.xml).then(() => {
      (instance.get('canvas') as Services['canvas']).zoom('fit-viewport');
      refreshElements();
      setChanged((n) => n + 1);
    });
    const eventBus = instance.get('eventBus') as Services['eventBus'];
    eventBus.on('selection.changed', (event) => {
      const first = event.newSelection?.[0];
      if (first && kindOf(first)) setSelected(first.id);
    });
    eventBus.on('commandStack.changed', () => {
      refreshElements();
      setSaved(false);
      setChanged((n) => n + 1);
    });
    return () => instance.destroy();
  }, [version.xml, refreshElements]);

  // The modelling standard, the same code the server runs, on every change (debounced).
  const markers = useRef<{ id: string; marker: string }[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => {
      const instance = modeler.current;
      if (!instance || !rules.data) return;
      const definitions = instance.getDefinitions();
      if (!definitions) return;
      void lintDefinitions(definitions, settings, linkContext(links)).then((result) => {
        setFindings(result);
        const canvas = instance.get('canvas') as Services['canvas'];
        const registry = instance.get('elementRegistry') as Services['elementRegistry'];
        for (const m of markers.current) if (registry.get(m.id)) canvas.removeMarker(m.id, m.marker);
        markers.current = result
          .filter((f) => f.elementId && registry.get(f.elementId))
          .map((f) => ({ id: f.elementId!, marker: f.level === 'error' ? 'grm-lint-error' : 'grm-lint-warn' }));
        for (const m of markers.current) canvas.addMarker(m.id, m.marker);
      });
    }, 300);
    return () => clearTimeout(timer);
  }, [changed, links, settings, rules.data]);

  const save = useMutation({
    mutationFn: async () => {
      const { xml } = await modeler.current!.saveXML({ format: true });
      return api.put<VersionDetail>(`/api/process-versions/${version.id}`, { xml, links });
    },
    onSuccess: async () => {
      setSaved(true);
      await invalidate();
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      await save.mutateAsync();
      return api.post<VersionDetail>(`/api/process-versions/${version.id}/submit`, {});
    },
    onSuccess: async () => {
      await invalidate();
      void navigate(`/processes/${version.processId}`);
    },
  });

  const select = (id: string) => {
    setSelected(id);
    const element = (modeler.current?.get('elementRegistry') as Services['elementRegistry'] | undefined)?.get(id);
    if (element) (modeler.current!.get('selection') as Services['selection']).select(element);
  };

  const errors = findings.filter((f) => f.level === 'error');
  return (
    <div className="page">
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/processes/${version.processId}`}>{t('modeler.back', { name: version.processName })}</RouterLink>
        </Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t('modeler.titleFor', { name: version.processName })} <StateTag state={version.state} />
      </Heading>
      {!editable && <Alert data-color="info">{t('modeler.readOnly')}</Alert>}
      <div className="grm-modeler-layout">
        <div>
          <div ref={container} className="grm-bpmn__canvas grm-modeler" style={{ height: 560 }} role="application" aria-label={t('modeler.canvas')} data-testid="bpmn-modeler" />
          <div className="grm-actions">
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!editable}>
              {t('modeler.save')}
            </Button>
            <Button variant="secondary" onClick={() => submit.mutate()} loading={submit.isPending} disabled={!editable}>
              {t('governance.submit')}
            </Button>
            <Link href={`/api/process-versions/${version.id}/bpmn`} download>
              {t('process.exportBpmn')}
            </Link>
          </div>
          {saved && (
            <Alert data-color="success" role="status">
              {t('modeler.saved')}
            </Alert>
          )}
          {save.error && <ErrorAlert error={save.error} />}
          {submit.error && <LintProblem error={submit.error} />}
        </div>
        <aside aria-labelledby="properties-heading">
          <Heading level={2} data-size="sm" id="properties-heading">
            {t('properties.title')}
          </Heading>
          <Field>
            <Label htmlFor="element-select">{t('properties.element')}</Label>
            <Select id="element-select" value={selected} onChange={(event) => select(event.target.value)}>
              <Select.Option value="">{t('properties.chooseElement')}</Select.Option>
              {elements.map((e) => (
                <Select.Option key={e.id} value={e.id}>
                  {t(`properties.kind.${e.kind}`)}: {e.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          {selected && elements.find((e) => e.id === selected) && (
            <ElementProperties
              key={selected}
              element={elements.find((e) => e.id === selected)!}
              links={links.filter((l) => l.elementId === selected)}
              editable={editable}
              onRename={(name) => {
                const element = (modeler.current!.get('elementRegistry') as Services['elementRegistry']).get(selected);
                if (element) (modeler.current!.get('modeling') as Services['modeling']).updateProperties(element, { name });
              }}
              onLinks={(next) => {
                setSaved(false);
                setLinks((all) => [...all.filter((l) => l.elementId !== selected), ...next]);
              }}
            />
          )}
          <Heading level={2} data-size="sm" id="lint-heading">
            {t('lint.title')}
          </Heading>
          <Paragraph data-size="sm" role="status">
            {t('lint.summary', { errors: errors.length, warnings: findings.length - errors.length })}
          </Paragraph>
          <ul className="grm-findings" aria-labelledby="lint-heading">
            {findings.map((f, index) => (
              <li key={index} className={f.level === 'error' ? 'grm-finding--error' : 'grm-finding--warn'}>
                <span className="grm-finding__level">{t(`lint.level.${f.level}`)}</span>{' '}
                {f.elementId ? (
                  <button type="button" className="grm-linkbutton ds-focus" onClick={() => select(f.elementId!)}>
                    {f.message}
                  </button>
                ) : (
                  f.message
                )}
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </div>
  );
}

function ElementProperties({
  element,
  links,
  editable,
  onRename,
  onLinks,
}: {
  element: { id: string; name: string; kind: 'lane' | 'task' | 'data' | 'call' };
  links: Link[];
  editable: boolean;
  onRename: (name: string) => void;
  onLinks: (links: Link[]) => void;
}) {
  const { t } = useTranslation('processes');
  const [name, setName] = useState(element.name === element.id ? '' : element.name);
  const link = (kind: Link['kind'], targetId: string | null, systemRoleId: string | null = null): Link[] => (kind === 'task_manual' || targetId ? [{ elementId: element.id, kind, targetId, systemRoleId }] : []);
  return (
    <div className="grm-properties">
      <Textfield
        label={t('properties.name')}
        value={name}
        readOnly={!editable}
        onChange={(event) => setName(event.target.value)}
        onBlur={() => name !== element.name && onRename(name)}
      />
      {element.kind === 'lane' && <RolePicker value={links[0]?.targetId ?? ''} disabled={!editable} onChange={(id) => onLinks(link('lane_business_role', id || null))} />}
      {element.kind === 'task' && <TaskPicker links={links} disabled={!editable} onChange={(kind, id, roleId) => onLinks(kind ? link(kind, id, roleId) : [])} />}
      {element.kind === 'data' && <InformationPicker value={links[0]?.targetId ?? ''} disabled={!editable} onChange={(id) => onLinks(link('data_information_object', id || null))} />}
      {element.kind === 'call' && <ProcessPicker value={links[0]?.targetId ?? ''} disabled={!editable} onChange={(id) => onLinks(link('call_process', id || null))} />}
    </div>
  );
}

function PickList({ id, label, value, options, onChange, disabled, empty }: { id: string; label: string; value: string; options: { id: string; name: string }[]; onChange: (v: string) => void; disabled: boolean; empty?: string }) {
  const { t } = useTranslation('processes');
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
        <Select.Option value="">{t('properties.none')}</Select.Option>
        {options.map((o) => (
          <Select.Option key={o.id} value={o.id}>
            {o.name}
          </Select.Option>
        ))}
      </Select>
      {options.length === 0 && empty && <Paragraph data-size="sm">{empty}</Paragraph>}
    </Field>
  );
}

function RolePicker({ value, onChange, disabled }: { value: string; onChange: (id: string) => void; disabled: boolean }) {
  const { t } = useTranslation('processes');
  const roles = useBusinessRoles();
  return <PickList id="link-role" label={t('properties.businessRole')} value={value} options={roles.data ?? []} onChange={onChange} disabled={disabled} empty={t('properties.noRoles')} />;
}

function TaskPicker({ links, onChange, disabled }: { links: Link[]; onChange: (kind: Link['kind'] | null, id: string | null, roleId: string | null) => void; disabled: boolean }) {
  const { t } = useTranslation('processes');
  const manual = links.some((l) => l.kind === 'task_manual');
  const system = links.find((l) => l.kind === 'task_system');
  const systems = useSystems();
  const roles = useSystemRoles(system?.targetId);
  return (
    <>
      <Checkbox label={t('properties.manual')} checked={manual} disabled={disabled} onChange={(event) => onChange(event.target.checked ? 'task_manual' : null, null, null)} />
      {!manual && (
        <>
          <PickList id="link-system" label={t('properties.system')} value={system?.targetId ?? ''} options={systems.data ?? []} disabled={disabled} onChange={(id) => onChange(id ? 'task_system' : null, id || null, null)} />
          {system?.targetId && (
            <PickList id="link-system-role" label={t('properties.systemRole')} value={system.systemRoleId ?? ''} options={roles.data ?? []} disabled={disabled} onChange={(roleId) => onChange('task_system', system.targetId, roleId || null)} empty={t('properties.noSystemRoles')} />
          )}
        </>
      )}
    </>
  );
}

function InformationPicker({ value, onChange, disabled }: { value: string; onChange: (id: string) => void; disabled: boolean }) {
  const { t } = useTranslation('processes');
  const objects = useInformationObjects();
  return <PickList id="link-information" label={t('properties.informationObject')} value={value} options={objects.data ?? []} onChange={onChange} disabled={disabled} empty={t('properties.noInformationObjects')} />;
}

function ProcessPicker({ value, onChange, disabled }: { value: string; onChange: (id: string) => void; disabled: boolean }) {
  const { t } = useTranslation('processes');
  const list = useProcesses();
  const options = (list.data?.items ?? []).filter((p) => p.level !== 'area').map((p) => ({ id: p.id, name: p.name }));
  return <PickList id="link-process" label={t('properties.calledProcess')} value={value} options={options} onChange={onChange} disabled={disabled} />;
}
