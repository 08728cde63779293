import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import elk from 'cytoscape-elk';
import svg from 'cytoscape-svg';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { elkLimit, layeredPositions } from './layered-layout';
import type { MapEdge, MapNode, NodeKind } from './queries';

cytoscape.use(elk);
cytoscape.use(svg);

/** Top to bottom: what the municipality offers, down to what it runs on. */
const layerOf: Record<NodeKind, number> = { service: 0, process: 1, role: 2, information: 3, integration: 4, system: 5, technology: 6, element: 7, unit: 8 };
export const kindColour: Record<NodeKind, string> = {
  service: '#f6c445',
  process: '#f29b66',
  role: '#e6a0c4',
  information: '#9ed0a6',
  system: '#7fb6e8',
  integration: '#c3c3e6',
  technology: '#a8d8d0',
  element: '#d9d9d9',
  unit: '#eeeeee',
};

export interface MapHandle {
  png(): Blob | null;
  svg(): string | null;
}

/**
 * The drawing: Cytoscape with ELK's layered layout, one partition per layer. The canvas is not
 * readable by screen readers; the page shows the same objects as a list.
 */
export const CytoscapeMap = forwardRef<MapHandle, { nodes: MapNode[]; edges: MapEdge[]; selectedId: string | null; onSelect: (id: string) => void; label: string; onLaidOut?: (ms: number) => void }>(
  function CytoscapeMap({ nodes, edges, selectedId, onSelect, label, onLaidOut }, ref) {
    const container = useRef<HTMLDivElement>(null);
    const cy = useRef<Core | null>(null);
    const select = useRef(onSelect);
    select.current = onSelect;
    const [laying, setLaying] = useState(false);

    useImperativeHandle(ref, () => ({
      png: () => (cy.current ? (cy.current.png({ output: 'blob', full: true, bg: '#ffffff', scale: 1 }) as unknown as Blob) : null),
      svg: () => (cy.current ? (cy.current as unknown as { svg(o: object): string }).svg({ full: true, bg: '#ffffff' }) : null),
    }));

    useEffect(() => {
      if (!container.current) return;
      const started = performance.now();
      const elements: ElementDefinition[] = [
        ...nodes.map((n) => ({ data: { id: n.id, label: n.name, kind: n.kind, colour: kindColour[n.kind] } })),
        ...edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, type: e.type } })),
      ];
      const instance = cytoscape({
        container: container.current,
        elements,
        layout: { name: 'preset' },
        hideEdgesOnViewport: nodes.length > 300,
        textureOnViewport: nodes.length > 300,
        wheelSensitivity: 0.3,
        style: [
          {
            selector: 'node',
            style: {
              'background-color': 'data(colour)',
              label: 'data(label)',
              'font-size': 11,
              // Labels too small to read when zoomed out are not drawn: drawing text is most of the cost of a big map.
              'min-zoomed-font-size': 7,
              'text-valign': 'center',
              'text-halign': 'center',
              'text-wrap': 'wrap',
              'text-max-width': '110px',
              width: 120,
              height: 40,
              shape: 'round-rectangle',
              'border-width': 1,
              'border-color': '#555',
            },
          },
          { selector: 'node[kind = "information"]', style: { shape: 'rectangle' } },
          { selector: 'node[kind = "technology"]', style: { shape: 'barrel' } },
          { selector: 'node[kind = "integration"]', style: { shape: 'ellipse', width: 90, height: 30, 'font-size': 9 } },
          { selector: 'node:selected, node.selected', style: { 'border-width': 4, 'border-color': '#1e2b3c' } },
          {
            selector: 'edge',
            style: { width: 1.2, 'line-color': '#888', 'target-arrow-color': '#888', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.8 },
          },
          { selector: 'edge[type = "carries"], edge[type = "associated"]', style: { 'line-style': 'dashed' } },
        ],
      });
      cy.current = instance;
      instance.on('tap', 'node', (event) => select.current(event.target.id()));
      setLaying(true);
      // ELK (layered) for pictures of a readable size; beyond that it takes many seconds, so a
      // fast layered placement of our own is used (same bands, top to bottom).
      const layout =
        nodes.length > elkLimit
          ? instance.layout({ name: 'preset', positions: layeredPositions(nodes, edges), fit: true, padding: 20, animate: false } as cytoscape.LayoutOptions)
          : instance.layout({
              name: 'elk',
              fit: true,
              padding: 20,
              animate: false,
              nodeDimensionsIncludeLabels: false,
              elk: {
                algorithm: 'layered',
                'elk.direction': 'DOWN',
                'elk.partitioning.activate': true,
                'elk.layered.spacing.nodeNodeBetweenLayers': 50,
                'elk.spacing.nodeNode': 20,
              },
              nodeLayoutOptions: (node: cytoscape.NodeSingular) => ({ 'elk.partitioning.partition': layerOf[node.data('kind') as NodeKind] ?? 8 }),
            } as cytoscape.LayoutOptions);
      layout.one('layoutstop', () => {
        setLaying(false);
        const ms = performance.now() - started;
        container.current?.setAttribute('data-laid-out', String(Math.round(ms)));
        onLaidOut?.(ms);
      });
      layout.run();
      return () => {
        instance.destroy();
        cy.current = null;
      };
    }, [nodes, edges]);

    useEffect(() => {
      const instance = cy.current;
      if (!instance) return;
      instance.nodes().removeClass('selected');
      if (selectedId) instance.getElementById(selectedId).addClass('selected');
    }, [selectedId, nodes]);

    return (
      <div className="map-canvas-wrap">
        <div ref={container} className="map-canvas" role="img" aria-label={label} data-testid="map-canvas" aria-busy={laying} />
      </div>
    );
  },
);
