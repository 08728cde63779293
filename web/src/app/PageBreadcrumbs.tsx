import { Breadcrumbs } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';

export interface Crumb {
  to: string;
  label: string;
}

/** Where a page sits: the trail of links above its heading, the last one being the page itself. */
export function PageBreadcrumbs({ label, trail, className }: { label: string; trail: readonly Crumb[]; className?: string }) {
  return (
    <Breadcrumbs aria-label={label} className={className}>
      <Breadcrumbs.List>
        {trail.map((crumb, index) => (
          <Breadcrumbs.Item key={crumb.to}>
            <Breadcrumbs.Link asChild {...(index === trail.length - 1 ? { 'aria-current': 'page' as const } : {})}>
              <RouterLink to={crumb.to}>{crumb.label}</RouterLink>
            </Breadcrumbs.Link>
          </Breadcrumbs.Item>
        ))}
      </Breadcrumbs.List>
    </Breadcrumbs>
  );
}
