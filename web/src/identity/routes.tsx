import type { RouteObject } from 'react-router';
import { personPageSections } from '../org/person-sections';
import { GuestsPage } from './GuestsPage';
import { HrImportPage } from './HrImportPage';
import { IdentitySettingsPage } from './IdentitySettingsPage';
import { PersonLifecycleSection } from './PersonLifecycleSection';
import { UpcomingChangesPage } from './UpcomingChangesPage';
import './identity.css';

// The person page shows username, e-mail, future changes and the dialogs for them.
if (!personPageSections.includes(PersonLifecycleSection)) personPageSections.push(PersonLifecycleSection);

/** The lifecycle area's pages [livsløp]. */
export const identityRoutes: RouteObject[] = [
  { path: 'identity', element: <UpcomingChangesPage /> },
  { path: 'identity/guests', element: <GuestsPage /> },
  { path: 'identity/hr', element: <HrImportPage /> },
  { path: 'identity/settings', element: <IdentitySettingsPage /> },
];
