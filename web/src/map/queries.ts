import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';

export const layerKinds = ['service', 'process', 'role', 'information', 'system', 'technology', 'integration', 'element'] as const;
export type NodeKind = (typeof layerKinds)[number] | 'unit';

export interface MapNode {
  id: string;
  kind: NodeKind;
  name: string;
  lifecycle?: string;
  criticality?: string;
  personalDataCategory?: string;
  type?: string;
}
export interface MapEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}
export interface MapPicture {
  nodes: MapNode[];
  edges: MapEdge[];
  total: number;
  cut: boolean;
}
export interface PathStep {
  id: string;
  kind: NodeKind;
  name: string;
  via?: string;
}
export interface ImpactItem {
  id: string;
  kind: NodeKind;
  name: string;
  distance: number;
  path: PathStep[];
  personalDataCategory?: string;
}
export interface DownAnswer {
  origin: { id: string; kind: NodeKind; name: string };
  services: ImpactItem[];
  processes: ImpactItem[];
  roles: ImpactItem[];
  systems: ImpactItem[];
  information: ImpactItem[];
  other: ImpactItem[];
  employeesAffected: number;
  employeesBasis: 'entitlements' | 'units' | 'none';
  personalData: Record<string, number>;
  totals: Record<'services' | 'processes' | 'roles' | 'systems' | 'information' | 'other', number>;
}
export interface ImpactAnswer {
  origin: { id: string; kind: NodeKind; name: string };
  direction: 'upstream' | 'downstream';
  counts: Record<string, number>;
  total: number;
  items: ImpactItem[];
  truncated: boolean;
}
export interface MapQuery {
  layers?: string;
  unitId?: string;
  lifecycle?: string;
  criticality?: string;
  focus?: string;
  depth?: number;
  search?: string;
}
export interface SavedView {
  id: string;
  name: string;
  shared: boolean;
  mine: boolean;
  settings: { layers?: string[]; unitId?: string | null; lifecycle?: string[]; criticality?: string[]; focusId?: string | null; depth?: number; search?: string };
}

export function useMapPicture(query: MapQuery) {
  return useQuery({
    queryKey: ['map', 'graph', query],
    queryFn: () => api.get<MapPicture>('/api/map/graph', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useDown(id: string | null) {
  return useQuery({ queryKey: ['map', 'down', id], queryFn: () => api.get<DownAnswer>(`/api/map/down/${id}`), enabled: Boolean(id) });
}

export function useImpact(id: string | null, direction: 'upstream' | 'downstream', depth: number | null) {
  return useQuery({
    queryKey: ['map', 'impact', id, direction, depth],
    queryFn: () => api.get<ImpactAnswer>(`/api/map/impact/${id}`, { direction, depth }),
    enabled: Boolean(id),
  });
}

export function useSavedViews() {
  return useQuery({ queryKey: ['map', 'saved-views'], queryFn: () => api.get<{ items: SavedView[] }>('/api/map/saved-views') });
}

export function useSaveView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; shared: boolean; settings: SavedView['settings'] }) => api.post<SavedView>('/api/map/saved-views', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['map', 'saved-views'] }),
  });
}

export function useDeleteView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/map/saved-views/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['map', 'saved-views'] }),
  });
}
