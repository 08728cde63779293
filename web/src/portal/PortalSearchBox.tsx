import { Button, Label, Search } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** The portal's search box: searching opens the results page. */
export function PortalSearchBox({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation('portal');
  const id = useId();
  const navigate = useNavigate();
  const [text, setText] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) void navigate(`/portal/search?q=${encodeURIComponent(text.trim())}`);
  };
  return (
    <form role="search" className="portal-search" onSubmit={submit}>
      <Label htmlFor={id}>{t('search.label')}</Label>
      <div className="portal-search__row">
        <Search>
          <Search.Input id={id} name="q" value={text} onChange={(event) => setText(event.target.value)} placeholder={t('search.placeholder')} />
          <Search.Clear aria-label={t('search.clear')} onClick={() => setText('')} />
        </Search>
        <Button type="submit">{t('search.submit')}</Button>
      </div>
    </form>
  );
}
