export function SystemEditPage() {
  return <h1>SystemEditPage</h1>;
}
