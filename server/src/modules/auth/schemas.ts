import { z } from 'zod';

export const me = z.object({
  tenant: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  user: z.object({ id: z.string(), displayName: z.string(), personId: z.uuid().nullable(), roles: z.array(z.string()) }),
  permissions: z.array(z.string()),
  csrfToken: z.string().optional(),
});

export const demoUser = z.object({
  id: z.uuid(),
  displayName: z.string(),
  roles: z.array(z.string()),
  position: z.string().nullable(),
  unit: z.string().nullable(),
});

export const signInOptions = z.object({
  demo: z.boolean(),
  oidc: z.boolean(),
  tenants: z.array(z.object({ slug: z.string(), name: z.string() })),
});

export const demoSignIn = z.object({ tenant: z.string().min(1), userId: z.uuid() });
