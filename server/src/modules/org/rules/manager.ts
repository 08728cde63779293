/**
 * Who a person's manager is. Pure. An employment may name its manager; otherwise the leader of
 * the unit is the manager — unless the person leads that unit, in which case it is the leader of
 * the nearest unit above that has someone else as leader.
 */
export function resolveManagerId(
  personId: string,
  explicitManagerId: string | null,
  /** Leaders of the employment's unit and its ancestors, nearest first (null where none). */
  leadersUpward: readonly (string | null)[],
): string | null {
  if (explicitManagerId !== null && explicitManagerId !== personId) return explicitManagerId;
  return leadersUpward.find((leader) => leader !== null && leader !== personId) ?? null;
}
