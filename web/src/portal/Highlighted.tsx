const start = String.fromCharCode(2);
const stop = String.fromCharCode(3);

/** A search snippet with its hits marked. The server marks hits with \u0002…\u0003, never with HTML. */
export function Highlighted({ text }: { text: string }) {
  const parts: { text: string; hit: boolean }[] = [];
  let rest = text;
  while (rest) {
    const from = rest.indexOf(start);
    if (from < 0) {
      parts.push({ text: rest, hit: false });
      break;
    }
    const to = rest.indexOf(stop, from);
    if (from > 0) parts.push({ text: rest.slice(0, from), hit: false });
    parts.push({ text: rest.slice(from + 1, to < 0 ? undefined : to), hit: true });
    rest = to < 0 ? '' : rest.slice(to + 1);
  }
  return <>{parts.map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}</>;
}
