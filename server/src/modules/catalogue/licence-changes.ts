/** A licence pool as the editor sends it. */
export interface LicencePoolDraft {
  licenceType: string;
  count: number;
  unitPrice: number;
}

/**
 * What to insert, update and delete to turn the stored pools into the edited list. Pools are
 * matched by licence type (case-insensitive); pure, so the rule is tested without a database.
 */
export function planLicenceChanges(
  stored: readonly (LicencePoolDraft & { id: string })[],
  edited: readonly LicencePoolDraft[],
) {
  const key = (type: string) => type.trim().toLocaleLowerCase('nb');
  const storedByType = new Map(stored.map((pool) => [key(pool.licenceType), pool]));
  const editedTypes = new Set<string>();
  const toInsert: LicencePoolDraft[] = [];
  const toUpdate: (LicencePoolDraft & { id: string })[] = [];
  for (const pool of edited) {
    const type = key(pool.licenceType);
    if (editedTypes.has(type)) continue; // the same type twice: the first row wins
    editedTypes.add(type);
    const match = storedByType.get(type);
    if (!match) toInsert.push(pool);
    else if (match.count !== pool.count || Number(match.unitPrice) !== pool.unitPrice) toUpdate.push({ ...pool, id: match.id });
  }
  const toDelete = stored.filter((pool) => !editedTypes.has(key(pool.licenceType))).map((pool) => pool.id);
  return { toInsert, toUpdate, toDelete };
}
