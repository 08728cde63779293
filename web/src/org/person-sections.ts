import type { ComponentType } from 'react';

/**
 * Sections other areas add to a person's page (the lifecycle area's username, future changes, …),
 * shown after the org sections. An area pushes its component here when its routes load, so the
 * org area does not import them.
 */
export interface PersonSectionProps {
  personId: string;
  givenName: string;
  familyName: string;
}

export const personPageSections: ComponentType<PersonSectionProps>[] = [];
