/** "Flytt enhet": choose a new parent for a unit (searchable), then POST /api/org/units/:id/move. */
import { Alert, Button, Dialog, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { useMoveUnit } from './queries';
import { pathNames, subtreeIds, unitMatches, type OrgUnitSummary } from './tree';

const shownAtMost = 50;

interface MoveUnitDialogProps {
  unit: OrgUnitSummary;
  units: OrgUnitSummary[];
  /** Called with a status message after a move, or with nothing when cancelled. */
  onClose(message?: string): void;
}

export function MoveUnitDialog({ unit, units, onClose }: MoveUnitDialogProps) {
  const { t } = useTranslation('org');
  const [query, setQuery] = useState('');
  const [parentId, setParentId] = useState<string | null>(null);
  const move = useMoveUnit();

  // The unit itself and everything under it cannot be its parent; the current parent is no move.
  const candidates = useMemo(() => {
    const excluded = subtreeIds(units, unit.id);
    if (unit.parentId) excluded.add(unit.parentId);
    return units
      .filter((candidate) => !excluded.has(candidate.id))
      .map((candidate) => ({ unit: candidate, path: pathNames(units, candidate.id) }))
      .sort((a, b) => a.path.join('/').localeCompare(b.path.join('/'), 'nb'));
  }, [units, unit.id, unit.parentId]);
  const matching = query.trim() ? candidates.filter((candidate) => unitMatches(candidate.unit, query)) : candidates;
  const shown = matching.slice(0, shownAtMost);
  const chosen = candidates.find((candidate) => candidate.unit.id === parentId);
  const currentParent = units.find((candidate) => candidate.id === unit.parentId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!parentId || !chosen) return;
    move.mutate(
      { id: unit.id, parentId },
      { onSuccess: () => onClose(t('move.done', { name: unit.name, parent: chosen.unit.name })) },
    );
  };

  return (
    <Dialog open onClose={() => onClose()} aria-labelledby="move-unit-heading" closeButton={t('dialog.close')}>
      <form onSubmit={submit}>
        <Dialog.Block>
          <Heading level={2} data-size="sm" id="move-unit-heading">
            {t('move.heading', { name: unit.name })}
          </Heading>
          <Paragraph>
            {currentParent ? t('move.currentParent', { parent: currentParent.name }) : t('move.isRoot')}
          </Paragraph>
        </Dialog.Block>
        <Dialog.Block className="org-form">
          <Textfield
            type="search"
            label={t('move.searchLabel')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            autoComplete="off"
            autoFocus
          />
          <Fieldset className="org-move__choices">
            <Fieldset.Legend>{t('move.legend')}</Fieldset.Legend>
            <Fieldset.Description aria-live="polite">
              {matching.length > shown.length
                ? t('move.showing', { shown: shown.length, total: matching.length })
                : t('move.count', { count: matching.length })}
            </Fieldset.Description>
            <div className="org-choices">
              {shown.map((candidate) => (
                <Radio
                  key={candidate.unit.id}
                  name="new-parent"
                  value={candidate.unit.id}
                  label={candidate.unit.name}
                  description={candidate.path.slice(0, -1).join(' › ') || t('move.topLevel')}
                  checked={parentId === candidate.unit.id}
                  onChange={() => setParentId(candidate.unit.id)}
                />
              ))}
            </div>
          </Fieldset>
          {move.error instanceof ApiError && move.error.detail ? (
            // The server's own sentence says why (e.g. a cycle); its generic title adds nothing.
            <Alert data-color="danger" role="alert">
              <Paragraph>{move.error.detail}</Paragraph>
            </Alert>
          ) : (
            move.error && <ErrorAlert error={move.error} />
          )}
        </Dialog.Block>
        <Dialog.Block className="org-actions">
          <Button type="submit" disabled={!chosen} loading={move.isPending}>
            {chosen ? t('move.submitTo', { parent: chosen.unit.name }) : t('move.submit')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => onClose()}>
            {t('dialog.cancel')}
          </Button>
        </Dialog.Block>
      </form>
    </Dialog>
  );
}
