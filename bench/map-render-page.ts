/// <reference lib="dom" />
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the browser-side typings of the two Cytoscape plugins live with the web app
/// <reference path="../web/src/map/cytoscape-plugins.d.ts" />
/**
 * The browser side of `npm run bench:map`: the same Cytoscape + ELK set-up as the map page
 * (web/src/map/CytoscapeMap.tsx), bundled by the benchmark and timed from start to drawn.
 */
import cytoscape from 'cytoscape';
import elk from 'cytoscape-elk';
import { elkLimit, layeredPositions } from '../web/src/map/layered-layout.ts';

cytoscape.use(elk);

const layerOf: Record<string, number> = { service: 0, process: 1, role: 2, information: 3, integration: 4, system: 5, technology: 6, element: 7 };

declare global {
  interface Window {
    renderMap(elements: cytoscape.ElementDefinition[]): Promise<{ layoutMs: number; totalMs: number; nodes: number; edges: number }>;
  }
}

window.renderMap = (elements) =>
  new Promise((resolve) => {
    const container = document.getElementById('map')!;
    const started = performance.now();
    const cy = cytoscape({
      container,
      elements,
      layout: { name: 'preset' },
      hideEdgesOnViewport: true,
      textureOnViewport: true,
      style: [
        { selector: 'node', style: { label: 'data(label)', width: 120, height: 40, shape: 'round-rectangle', 'font-size': 11, 'min-zoomed-font-size': 7, 'text-valign': 'center', 'text-halign': 'center' } },
        { selector: 'edge', style: { width: 1.2, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' } },
      ],
    });
    const layoutStarted = performance.now();
    const plain = elements.map((e) => e.data as { id: string; kind: string; source: string; target: string });
    const layout = elements.filter((e) => !('source' in e.data)).length > elkLimit ? cy.layout({ name: 'preset', fit: true, animate: false, positions: layeredPositions(plain.filter((d) => !d.source), plain.filter((d) => d.source)) } as cytoscape.LayoutOptions) : cy.layout({
      name: 'elk',
      fit: true,
      animate: false,
      elk: { algorithm: 'layered', 'elk.direction': 'DOWN', 'elk.partitioning.activate': true, 'elk.layered.spacing.nodeNodeBetweenLayers': 50, 'elk.spacing.nodeNode': 20 },
      nodeLayoutOptions: (node: cytoscape.NodeSingular) => ({ 'elk.partitioning.partition': layerOf[node.data('kind') as string] ?? 8 }),
    } as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => {
      const layoutMs = performance.now() - layoutStarted;
      // Drawn: wait for the frame that paints the laid-out graph.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => resolve({ layoutMs, totalMs: performance.now() - started, nodes: cy.nodes().length, edges: cy.edges().length })),
      );
    });
    layout.run();
  });
