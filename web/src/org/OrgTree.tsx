/**
 * The org unit tree as a WAI-ARIA tree (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/):
 * one tab stop, arrow keys to move, Right/Left to expand/collapse, Home/End, type-ahead,
 * Enter/Space to select. Rows are rendered flat with aria-level/posinset/setsize so each
 * treeitem is named by the unit's name alone and described by its kind, leader and head count
 * (a nested treeitem would be named by its whole subtree).
 */
import { Button } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './org.css';
import { allNodes, searchTree, splitOnMatch, visibleRows, type TreeNode, type VisibleRow } from './tree';

interface OrgTreeProps {
  roots: TreeNode[];
  query: string;
  selectedId: string | null;
  onSelect(id: string): void;
  /** Double-click: go to the unit's page. */
  onOpen(id: string): void;
  label: string;
}

function initiallyExpanded(roots: TreeNode[]): Set<string> {
  // The municipality open, so its sectors show.
  return new Set(roots.map((node) => node.unit.id));
}

export function OrgTree({ roots, query, selectedId, onSelect, onOpen, label }: OrgTreeProps) {
  const { t } = useTranslation('org');
  const search = useMemo(() => searchTree(roots, query), [roots, query]);
  const [expanded, setExpanded] = useState<Set<string>>(() => initiallyExpanded(roots));
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const itemRefs = useRef(new Map<string, HTMLLIElement>());
  const moveFocus = useRef(false);

  // A new search opens the branches that lead to its matches (adjusting state during render, as
  // React recommends over an effect). Clearing the search keeps what is open.
  const [searchedFor, setSearchedFor] = useState(search);
  if (search !== searchedFor) {
    setSearchedFor(search);
    if (search) setExpanded((current) => new Set([...current, ...search.expandIds]));
  }

  // The roots arrive after the first render; open them once.
  const [seeded, setSeeded] = useState(roots.length > 0);
  if (!seeded && roots.length > 0) {
    setSeeded(true);
    setExpanded(initiallyExpanded(roots));
  }

  // Selecting a unit from outside (a link, the URL) opens its ancestors so it can be seen.
  // Keyed by the parent too, so a unit that was just moved is shown in its new place.
  const selectedNode = useMemo(() => allNodes(roots).find((candidate) => candidate.unit.id === selectedId), [roots, selectedId]);
  const revealKey = selectedNode ? `${selectedNode.unit.id}/${selectedNode.parent?.unit.id ?? ''}` : null;
  const [revealed, setRevealed] = useState<string | null>(null);
  if (revealKey && revealKey !== revealed) {
    setRevealed(revealKey);
    const node = selectedNode;
    const ancestors: string[] = [];
    for (let parent = node?.parent; parent; parent = parent.parent) ancestors.push(parent.unit.id);
    if (ancestors.some((id) => !expanded.has(id))) setExpanded((current) => new Set([...current, ...ancestors]));
  }

  const rows = useMemo(() => visibleRows(roots, expanded, search?.shownIds), [roots, expanded, search]);
  const tabStop =
    rows.find((row) => row.node.unit.id === focusedId) ??
    rows.find((row) => row.node.unit.id === selectedId) ??
    (search ? rows.find((row) => search.matchIds.has(row.node.unit.id)) : undefined) ??
    rows[0];

  useEffect(() => {
    if (!moveFocus.current || !focusedId) return;
    moveFocus.current = false;
    itemRefs.current.get(focusedId)?.focus();
  }, [focusedId, rows]);

  const focus = (id: string | undefined) => {
    if (!id) return;
    moveFocus.current = true;
    setFocusedId(id);
    // Same id: the effect will not run, so focus directly.
    if (id === focusedId) itemRefs.current.get(id)?.focus();
  };

  const toggle = (id: string, open?: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, row: VisibleRow) => {
    const index = rows.indexOf(row);
    const id = row.node.unit.id;
    const hasChildren = row.shownChildren.length > 0;
    switch (event.key) {
      case 'ArrowDown':
        focus(rows[index + 1]?.node.unit.id);
        break;
      case 'ArrowUp':
        focus(rows[index - 1]?.node.unit.id);
        break;
      case 'ArrowRight':
        if (hasChildren && !row.expanded) toggle(id, true);
        else if (row.expanded) focus(rows[index + 1]?.node.unit.id);
        break;
      case 'ArrowLeft':
        if (row.expanded) toggle(id, false);
        else focus(row.node.parent?.unit.id);
        break;
      case 'Home':
        focus(rows[0]?.node.unit.id);
        break;
      case 'End':
        focus(rows[rows.length - 1]?.node.unit.id);
        break;
      case 'Enter':
      case ' ':
        onSelect(id);
        break;
      case '*': {
        // Expands all siblings, as the pattern suggests.
        const siblings = row.node.parent ? row.node.parent.children : roots;
        setExpanded((current) => new Set([...current, ...siblings.filter((node) => node.children.length > 0).map((node) => node.unit.id)]));
        break;
      }
      default: {
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        const letter = event.key.toLocaleLowerCase('nb');
        const after = [...rows.slice(index + 1), ...rows.slice(0, index)];
        focus(after.find((candidate) => candidate.node.unit.name.toLocaleLowerCase('nb').startsWith(letter))?.node.unit.id);
        break;
      }
    }
    event.preventDefault();
  };

  const expandAll = () =>
    setExpanded(new Set(allNodes(roots).filter((node) => node.children.length > 0).map((node) => node.unit.id)));
  const collapseAll = () => setExpanded(new Set());

  return (
    <div className="org-tree">
      <div className="org-tree__tools">
        <Button variant="tertiary" data-size="sm" onClick={expandAll}>
          {t('tree.expandAll')}
        </Button>
        <Button variant="tertiary" data-size="sm" onClick={collapseAll}>
          {t('tree.collapseAll')}
        </Button>
      </div>
      {rows.length === 0 ? (
        <p className="org-tree__empty">{search ? t('tree.noMatches') : t('tree.empty')}</p>
      ) : (
        <ul role="tree" aria-label={label} className="org-tree__list">
          {rows.map((row) => {
            const { unit, level } = row.node;
            const hasChildren = row.shownChildren.length > 0;
            const isMatch = search?.matchIds.has(unit.id) ?? false;
            const nameId = `org-tree-name-${unit.id}`;
            const detailsId = `org-tree-details-${unit.id}`;
            const parts = isMatch ? splitOnMatch(unit.name, query) : null;
            return (
              <li
                key={unit.id}
                ref={(element) => {
                  if (element) itemRefs.current.set(unit.id, element);
                  else itemRefs.current.delete(unit.id);
                }}
                role="treeitem"
                aria-level={level}
                aria-posinset={row.posInSet}
                aria-setsize={row.setSize}
                aria-expanded={hasChildren ? row.expanded : undefined}
                aria-selected={unit.id === selectedId}
                aria-labelledby={nameId}
                aria-describedby={detailsId}
                tabIndex={row === tabStop ? 0 : -1}
                className="org-tree__item"
                data-match={isMatch || undefined}
                onKeyDown={(event) => onKeyDown(event, row)}
                onFocus={() => setFocusedId(unit.id)}
                onClick={() => {
                  setFocusedId(unit.id);
                  onSelect(unit.id);
                }}
                onDoubleClick={() => onOpen(unit.id)}
              >
                <span className="org-tree__row" style={{ paddingInlineStart: `${(level - 1) * 1.5}rem` }}>
                  <span
                    className="org-tree__toggle"
                    aria-hidden="true"
                    onClick={(event) => {
                      if (!hasChildren) return;
                      event.stopPropagation();
                      setFocusedId(unit.id);
                      toggle(unit.id);
                    }}
                  >
                    {hasChildren ? (row.expanded ? '▾' : '▸') : ''}
                  </span>
                  <span id={nameId} className="org-tree__name">
                    {parts ? (
                      <>
                        {parts[0]}
                        <mark>{parts[1]}</mark>
                        {parts[2]}
                      </>
                    ) : (
                      unit.name
                    )}
                  </span>
                  <span id={detailsId} className="org-tree__details">
                    {/* In parentheses: supplementary to the name, so the visible label is the name (WCAG 2.5.3). */}
                    {`(${[
                      t(`unitKind.${unit.kind}`, { defaultValue: unit.kind }),
                      unit.managerName ? t('tree.leader', { name: unit.managerName }) : t('tree.noLeader'),
                      t('tree.employees', { count: unit.employeeCount }),
                    ].join(' · ')})`}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
