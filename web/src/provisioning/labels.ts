/** i18n keys for the states and actions the API sends. */
import type { OperationAction, OperationState } from './queries';

export const stateKey = (state: OperationState) => `states.${state}` as const;
export const actionKey = (action: OperationAction) => `actions.${action}` as const;
