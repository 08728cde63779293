import { describe, expect, it } from 'vitest';
import { defaultElementType, hierarchyLevel, kindForElementType, linkFor, typedEdgeFor } from './mapping.ts';

describe('ArchiMate element types and our kinds', () => {
  it('maps BusinessProcess to a process and BusinessRole to a business role, and exports them back as the same types', () => {
    expect(kindForElementType('BusinessProcess')).toBe('process');
    expect(kindForElementType('BusinessRole')).toBe('role');
    expect(defaultElementType('process')).toBe('BusinessProcess');
    expect(defaultElementType('role')).toBe('BusinessRole');
  });

  it('keeps business functions, events, interactions and actors as generic elements', () => {
    for (const type of ['BusinessFunction', 'BusinessEvent', 'BusinessInteraction', 'BusinessActor', 'ApplicationService']) {
      expect(kindForElementType(type), type).toBe('element');
    }
  });
});

describe('ArchiMate relationships that become our own links', () => {
  it('turns a process realising or serving a service into the service–process link', () => {
    expect(linkFor('Realization', 'process', 'service')).toBe('service_process');
    expect(linkFor('Serving', 'process', 'service')).toBe('service_process');
    // A service serving a process is the other way round: the process uses the service.
    expect(linkFor('Serving', 'service', 'process')).toBeNull();
  });

  it('turns a composition or aggregation between processes into the hierarchy, whole as parent', () => {
    expect(linkFor('Composition', 'process', 'process')).toBe('process_parent');
    expect(linkFor('Aggregation', 'process', 'process')).toBe('process_parent');
    expect(linkFor('Triggering', 'process', 'process')).toBeNull();
  });

  it('keeps role → process and system → process as generic relations the map draws as its own edges', () => {
    expect(linkFor('Assignment', 'role', 'process')).toBeNull();
    expect(linkFor('Serving', 'system', 'process')).toBeNull();
    expect(typedEdgeFor('Assignment', 'role', 'process')).toEqual({ from: 'target', edge: 'performed_by' });
    expect(typedEdgeFor('Serving', 'system', 'process')).toEqual({ from: 'target', edge: 'uses' });
    expect(typedEdgeFor('Serving', 'system', 'role')).toEqual({ from: 'target', edge: 'uses' });
    expect(typedEdgeFor('Access', 'process', 'information')).toEqual({ from: 'source', edge: 'uses_information' });
    expect(typedEdgeFor('Association', 'role', 'process')).toBeNull();
    expect(typedEdgeFor('Assignment', 'element', 'process')).toBeNull();
  });
});

describe('the level a process takes under its parent', () => {
  it('puts a process under a process as a sub-process and under an area as a process', () => {
    expect(hierarchyLevel('process', 'process')).toBe('subprocess');
    expect(hierarchyLevel('subprocess', 'process')).toBe('subprocess');
    expect(hierarchyLevel('area', 'process')).toBe('process');
    expect(hierarchyLevel('area', 'area')).toBe('area');
  });

  it('never puts a process area under a process', () => {
    expect(hierarchyLevel('process', 'area')).toBeNull();
    expect(hierarchyLevel('subprocess', 'area')).toBeNull();
  });
});
