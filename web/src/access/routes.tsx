import type { RouteObject } from 'react-router';
import { systemPageSections } from '../catalogue/system-sections';
import { personPageSections } from '../org/person-sections';
import { BusinessRolePage } from './BusinessRolePage';
import { BusinessRolesPage } from './BusinessRolesPage';
import { CompetencesPage } from './CompetencesPage';
import { PersonAccessSection } from './PersonAccessSection';
import { SystemRolesSection } from './SystemRolesSection';
import './access.css';

// The person page shows "Tilganger"; the system page its system roles.
if (!personPageSections.includes(PersonAccessSection)) personPageSections.push(PersonAccessSection);
if (!systemPageSections.includes(SystemRolesSection)) systemPageSections.push(SystemRolesSection);

/** The access area's pages [tilgang]: business roles and their rules, and the competences roles can require. */
export const accessRoutes: RouteObject[] = [
  { path: 'access', element: <BusinessRolesPage /> },
  { path: 'access/business-roles/:id', element: <BusinessRolePage /> },
  { path: 'access/competences', element: <CompetencesPage /> },
];
