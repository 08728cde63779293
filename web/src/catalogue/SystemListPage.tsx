export function SystemListPage() {
  return <h1>SystemListPage</h1>;
}
