import type { ComponentType } from 'react';

/**
 * Sections other areas add to a system's page (the access area's system roles, …), shown after the
 * system's details. An area pushes its component here when its routes load, so the catalogue does
 * not import them.
 */
export interface SystemSectionProps {
  systemId: string;
}

export const systemPageSections: ComponentType<SystemSectionProps>[] = [];
