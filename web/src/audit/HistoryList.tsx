export function HistoryList(_props: { entityType: string; entityId: string }) {
  return null;
}
