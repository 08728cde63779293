import { NavLink } from 'react-router';

export interface SectionLink {
  to: string;
  label: string;
  /** Active only on exactly this path (an area's first page), not on the pages below it. */
  end?: boolean;
}

/** An area's own navigation below the main one: a list of links, the current one marked. */
export function SectionNavigation({ label, links, className }: { label: string; links: SectionLink[]; className?: string }) {
  return (
    <nav aria-label={label} className={className}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className="ds-focus">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
