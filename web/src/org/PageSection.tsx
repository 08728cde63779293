import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/** A titled part of an object's page, labelled by its heading for screen readers. */
export function PageSection({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section className="org-section" aria-labelledby={id}>
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/** A short list of linked things, or a sentence saying there are none. */
export function InlineList<T extends { id: string }>({ items, empty, render }: { items: readonly T[]; empty: string; render: (item: T) => ReactNode }) {
  if (items.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <ul className="org-inline-list">
      {items.map((item) => (
        <li key={item.id}>{render(item)}</li>
      ))}
    </ul>
  );
}
