import { Button, Field, Label, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { ErrorAlert } from '../app/ErrorAlert';
import { useDebounced } from '../app/use-debounced';
import { useCodeLists } from '../portal/queries';

interface Classification {
  id: string;
  code: string;
  name: string;
  list: string;
  listKey: string;
}

const classificationsKey = (processId: string) => ['processes', processId, 'classifications'];

/**
 * A process's classifications [klassifisering]: codes from the municipality's code lists (KOSTRA
 * function, KLE, FORM, its own). Those who may write choose a list, search it and add a code.
 */
export function ProcessClassifications({ processId, canEdit }: { processId: string; canEdit: boolean }) {
  const { t } = useTranslation('processes');
  const client = useQueryClient();
  const current = useQuery({
    queryKey: classificationsKey(processId),
    queryFn: () => api.get<{ items: Classification[] }>(`/api/portal/processes/${processId}/classifications`),
  });
  const save = useMutation({
    mutationFn: (valueIds: string[]) => api.put<{ items: Classification[] }>(`/api/portal/processes/${processId}/classifications`, { valueIds }),
    onSuccess: (result) => {
      client.setQueryData(classificationsKey(processId), result);
      void client.invalidateQueries({ queryKey: ['portal'] });
    },
  });
  if (current.isPending) return null;
  if (current.error) return <ErrorAlert error={current.error} />;
  const items = current.data.items;
  const ids = items.map((item) => item.id);
  return (
    <>
      {items.length === 0 ? (
        <Paragraph>{t('classify.none')}</Paragraph>
      ) : (
        <ul className="grm-taglist" aria-label={t('classify.current')}>
          {items.map((item) => (
            <li key={item.id}>
              <Tag data-size="sm">{`${item.list}: ${item.code} ${item.name}`}</Tag>
              {canEdit && (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  aria-label={t('classify.remove', { code: `${item.code} ${item.name}` })}
                  onClick={() => save.mutate(ids.filter((id) => id !== item.id))}
                  disabled={save.isPending}
                >
                  {t('classify.removeShort')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && <AddClassification chosen={ids} onAdd={(valueId) => save.mutate([...ids, valueId])} busy={save.isPending} />}
      {save.error && <ErrorAlert error={save.error} />}
    </>
  );
}

function AddClassification({ chosen, onAdd, busy }: { chosen: string[]; onAdd: (valueId: string) => void; busy: boolean }) {
  const { t } = useTranslation('processes');
  const lists = useCodeLists();
  const [listId, setListId] = useState('');
  const [query, setQuery] = useState('');
  const [valueId, setValueId] = useState('');
  const q = useDebounced(query.trim(), 250);
  const values = useQuery({
    queryKey: ['portal', 'code-values', listId, q],
    queryFn: () => api.get<{ items: { id: string; code: string; name: string }[] }>(`/api/code-lists/${listId}/values`, { q: q || undefined }),
    enabled: Boolean(listId),
  });
  if (lists.data && lists.data.items.length === 0) return <Paragraph data-size="sm">{t('classify.noLists')}</Paragraph>;
  const options = (values.data?.items ?? []).filter((value) => !chosen.includes(value.id));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valueId) return;
    onAdd(valueId);
    setValueId('');
  };
  return (
    <form className="grm-inline-form" onSubmit={submit} aria-label={t('classify.add')}>
      <Field>
        <Label htmlFor="classify-list">{t('classify.list')}</Label>
        <Select
          id="classify-list"
          value={listId}
          onChange={(event) => {
            setListId(event.target.value);
            setValueId('');
          }}
        >
          <Select.Option value="">{t('classify.chooseList')}</Select.Option>
          {(lists.data?.items ?? []).map((list) => (
            <Select.Option key={list.id} value={list.id}>
              {list.name}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {listId && (
        <>
          <Textfield type="search" label={t('classify.search')} value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
          <Field>
            <Label htmlFor="classify-code">{t('classify.code')}</Label>
            <Select id="classify-code" value={valueId} onChange={(event) => setValueId(event.target.value)} aria-busy={values.isFetching}>
              <Select.Option value="">{t('classify.chooseCode', { count: options.length })}</Select.Option>
              {options.map((value) => (
                <Select.Option key={value.id} value={value.id}>
                  {`${value.code} ${value.name}`}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Button type="submit" variant="secondary" data-size="sm" disabled={!valueId || busy}>
            {t('classify.add')}
          </Button>
        </>
      )}
    </form>
  );
}
