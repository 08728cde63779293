import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { linkTarget } from './link-targets';

// The pages these links lead to, as web/src/access, catalogue (app/routes.tsx), map and processes
// register them (the route modules pull in the whole app, too much for a node test); '*' is the
// not-found page a wrong link would land on.
const routes = [
  { path: 'access/business-roles/:id' },
  { path: 'systems/:id' },
  { path: 'map' },
  { path: 'map/model/:kind' },
  { path: 'processes/:id' },
  { path: '*' },
];

const id = '0b9f3f4e-5a0e-4c39-9a59-1d1c1f2b3c4d';

describe('where a linked diagram element leads', () => {
  it.each([
    ['lane_business_role', '/access/business-roles/:id'],
    ['task_system', '/systems/:id'],
    ['data_information_object', '/map'],
    ['call_process', '/processes/:id'],
  ] as const)('a %s link opens a page the app has (%s)', (kind, route) => {
    const target = linkTarget({ elementId: 'E1', kind, targetId: id, systemRoleId: null });
    expect(target).not.toBeNull();
    const url = new URL(target!, 'http://localhost');
    const matched = matchRoutes(routes, url.pathname);
    expect(matched?.[0]?.route.path).toBe(route.slice(1));
    expect(target).toContain(id);
  });

  it('a manual task or a link without a target leads nowhere', () => {
    expect(linkTarget({ elementId: 'T1', kind: 'task_manual', targetId: null, systemRoleId: null })).toBeNull();
    expect(linkTarget({ elementId: 'L1', kind: 'lane_business_role', targetId: null, systemRoleId: null })).toBeNull();
  });
});
