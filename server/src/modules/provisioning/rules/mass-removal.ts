/**
 * The mass-removal guard [masseslettingsvern]: a batch that would take away more than a tenant's
 * threshold of accounts is held until a person approves it. Pure: no I/O.
 */

export interface GuardSettings {
  /** Percent of the accounts the tenant has (2 by default). */
  percent: number;
  /** The threshold is never below this many accounts (25 by default). */
  minimum: number;
}

export const defaultGuardSettings: GuardSettings = { percent: 2, minimum: 25 };

/** The largest number of accounts one batch may take access from without a human approving it. */
export function removalThreshold(settings: GuardSettings, accountBase: number): number {
  return Math.max(Math.floor((accountBase * settings.percent) / 100), settings.minimum);
}

export interface GuardInput {
  origin: string;
  /** Distinct accounts (person × system) the batch revokes access from or disables. */
  removals: number;
  /**
   * Accounts that event batches released automatically within the guard's window took access
   * from. Many single events (an upstream system deleting its users one by one over SCIM) add up,
   * and are held as one run that removed as much would be.
   */
  recentRemovals?: number;
  /** Accounts the tenant has now (actual where known, else desired). */
  accountBase: number;
  /** The municipality wants a person to approve these changes before they are carried out (SCIM pushes). */
  awaitsReview?: boolean;
  /** People with a current employment or other reason to be there; 0 means the input looks empty. */
  activePeople: number;
}

/** How far back released event batches count towards the threshold. */
export const recentRemovalWindowMinutes = 60;

/**
 * Whether the verdict can depend on how many accounts the tenant has. The threshold is never
 * below the minimum, so a batch that brings the removals to no more than that is never held for
 * its size; the caller then need not count every account (a million rows in a big municipality)
 * for each mover.
 */
export function needsAccountBase(settings: GuardSettings, removals: number, recentRemovals = 0): boolean {
  return removals > 0 && removals + recentRemovals > settings.minimum;
}

export type GuardVerdict = { hold: false; threshold: number } | { hold: true; threshold: number; reason: string };

export function judgeBatch(settings: GuardSettings, input: GuardInput): GuardVerdict {
  const threshold = removalThreshold(settings, input.accountBase);
  if (input.origin === 'full_recompute' && input.removals > 0 && input.activePeople === 0) {
    return {
      hold: true,
      threshold,
      reason: 'Full omberegning uten en eneste aktiv person: grunnlaget ser ufullstendig ut, så ingen tilganger fjernes før noen godkjenner det.',
    };
  }
  if (input.removals > threshold) {
    return {
      hold: true,
      threshold,
      reason: `Kjøringen ville fjerne tilgang fra ${input.removals} kontoer, over terskelen på ${threshold} (${settings.percent} % av ${input.accountBase} kontoer, minst ${settings.minimum}).`,
    };
  }
  const recent = input.recentRemovals ?? 0;
  if (input.removals > 0 && input.removals + recent > threshold) {
    return {
      hold: true,
      threshold,
      reason: `Enkelthendelser den siste timen har allerede fjernet tilgang fra ${recent} kontoer. Med denne kjøringens ${input.removals} blir det ${input.removals + recent}, over terskelen på ${threshold} (${settings.percent} % av ${input.accountBase} kontoer, minst ${settings.minimum}). Et kildesystem som sletter mange personer én og én, holdes tilbake til noen godkjenner.`,
    };
  }
  if (input.awaitsReview) {
    return {
      hold: true,
      threshold,
      reason: 'Endringer fra SCIM (nye, flyttede og sluttede personer) skal godkjennes før tilgangene endres, etter kommunens innstilling.',
    };
  }
  return { hold: false, threshold };
}
