import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../app/api';

export interface Notice {
  id: string;
  kind: string;
  message: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

export interface NoticeList {
  unread: number;
  items: Notice[];
}

const key = ['notices'] as const;

/** My notices, checked again every minute while the app is open. */
export function useNotices() {
  return useQuery({ queryKey: key, queryFn: () => api.get<NoticeList>('/api/notices'), refetchInterval: 60_000 });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') => api.post<NoticeList>(id === 'all' ? '/api/notices/read-all' : `/api/notices/${id}/read`),
    onSuccess: (list) => client.setQueryData(key, list),
  });
}
