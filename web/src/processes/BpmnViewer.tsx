import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './processes.css';

/** What a diagram element links to (process_element_links, as the API presents them). */
export interface ElementLink {
  elementId: string;
  kind: 'lane_business_role' | 'task_system' | 'task_manual' | 'data_information_object' | 'call_process';
  targetId: string | null;
  systemRoleId?: string | null;
  /** Name of what it links to, for the tooltip. */
  label?: string | null;
}

export interface BpmnViewerProps {
  xml: string;
  links?: ElementLink[];
  /** Called when the user clicks (or presses Enter on) an element; `link` is set for linked elements. */
  onElementClick?: (elementId: string, link: ElementLink | undefined) => void;
  /** Accessible name of the diagram. */
  label?: string;
  /** Called once the diagram has been drawn (used by the render benchmark and tests). */
  onRendered?: (elementCount: number) => void;
  height?: number | string;
}

type Canvas = { zoom(level: 'fit-viewport' | number): void; addMarker(id: string, marker: string): void };
type ElementRegistry = { getAll(): { id: string; type: string }[]; get(id: string): unknown };
type EventBus = { on(event: string, callback: (event: { element: { id: string; type: string } }) => void): void };

/**
 * Read-only BPMN diagram (bpmn-js NavigatedViewer: pan and zoom). Linked elements are marked and
 * clickable. The bpmn.io logo stays visible, as bpmn-js's licence requires.
 */
export function BpmnViewer({ xml, links = [], onElementClick, label, onRendered, height = 480 }: BpmnViewerProps) {
  const { t } = useTranslation('processes');
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);
  const clickRef = useRef(onElementClick);
  const linksRef = useRef(links);
  clickRef.current = onElementClick;
  linksRef.current = links;
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const instance = new NavigatedViewer({ container: container.current });
    viewer.current = instance;
    const eventBus = instance.get<EventBus>('eventBus');
    eventBus.on('element.click', (event) => {
      const link = linksRef.current.find((l) => l.elementId === event.element.id);
      clickRef.current?.(event.element.id, link);
    });
    return () => {
      instance.destroy();
      viewer.current = null;
    };
  }, []);

  const linkKey = links.map((l) => `${l.elementId}:${l.kind}:${l.targetId ?? ''}`).join('|');
  useEffect(() => {
    const instance = viewer.current;
    if (!instance) return;
    let cancelled = false;
    instance
      .importXML(xml)
      .then(() => {
        if (cancelled) return;
        setError(null);
        const canvas = instance.get<Canvas>('canvas');
        const registry = instance.get<ElementRegistry>('elementRegistry');
        canvas.zoom('fit-viewport');
        for (const link of linksRef.current) {
          if (registry.get(link.elementId)) canvas.addMarker(link.elementId, link.kind === 'task_manual' ? 'grm-manual' : 'grm-linked');
        }
        onRendered?.(registry.getAll().length);
      })
      .catch((reason: unknown) => {
        if (!cancelled) setError(reason instanceof Error ? reason.message : String(reason));
      });
    return () => {
      cancelled = true;
    };
    // onRendered is a callback for the first draw of this XML; links are re-marked when they change.
  }, [xml, linkKey]);

  return (
    <figure className="grm-bpmn" aria-label={label ?? t('viewer.label')}>
      {/* Not role="img": the canvas holds focusable parts (the bpmn.io link, keyboard navigation). */}
      <div ref={container} className="grm-bpmn__canvas" style={{ height }} data-testid="bpmn-viewer" />
      {error && (
        <p className="grm-bpmn__error" role="alert">
          {t('viewer.error')} {error}
        </p>
      )}
      {links.length > 0 && (
        <ul className="grm-bpmn__links" aria-label={t('viewer.linksLabel')}>
          {links
            .filter((l) => l.kind !== 'task_manual')
            .map((link) => (
              <li key={`${link.elementId}-${link.kind}-${link.targetId}`}>
                <button type="button" className="grm-linkbutton ds-focus" onClick={() => onElementClick?.(link.elementId, link)}>
                  {t(`linkKind.${link.kind}`)}: {link.label ?? link.targetId}
                </button>
              </li>
            ))}
        </ul>
      )}
    </figure>
  );
}
