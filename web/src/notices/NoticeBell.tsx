import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useFormat } from '../app/format';
import { useMarkRead, useNotices, type Notice } from './queries';
import './notices.css';

/**
 * The bell [varsler] in the header: how many of my notices are unread, and a list to open, follow
 * and mark as read. The count is announced politely when it changes; Escape closes the list.
 */
export function NoticeBell() {
  const { t } = useTranslation('notices');
  const notices = useNotices();
  const markRead = useMarkRead();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const unread = notices.data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const close = (event: KeyboardEvent | MouseEvent) => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        setOpen(false);
        button.current?.focus();
        return;
      }
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);

  return (
    <div className="notice-bell">
      <Button
        ref={button}
        variant="tertiary"
        data-size="sm"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('button', { count: unread })}
        onClick={() => setOpen((was) => !was)}
      >
        <svg aria-hidden="true" focusable="false" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5">
          <path d="M12 3a6 6 0 0 0-6 6v3.5L4.5 16h15L18 12.5V9a6 6 0 0 0-6-6Z" strokeLinejoin="round" />
          <path d="M9.5 18.5a2.5 2.5 0 0 0 5 0" strokeLinecap="round" />
        </svg>
        {unread > 0 && (
          <span className="notice-bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </Button>
      <span className="visually-hidden" aria-live="polite" role="status">
        {notices.data ? t('unread', { count: unread }) : ''}
      </span>
      <div id={panelId} ref={panel} className="notice-bell__panel" hidden={!open} role="region" aria-label={t('title')}>
        <div className="notice-bell__head">
          <h2 className="notice-bell__title">{t('title')}</h2>
          {unread > 0 && (
            <Button variant="tertiary" data-size="sm" onClick={() => markRead.mutate('all')} loading={markRead.isPending}>
              {t('markAll')}
            </Button>
          )}
        </div>
        {notices.data && notices.data.items.length === 0 ? (
          <Paragraph data-size="sm">{t('none')}</Paragraph>
        ) : (
          <ul className="notice-bell__list">
            {(notices.data?.items ?? []).map((notice) => (
              <NoticeItem key={notice.id} notice={notice} onFollow={() => setOpen(false)} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function NoticeItem({ notice, onFollow }: { notice: Notice; onFollow: () => void }) {
  const { t } = useTranslation('notices');
  const format = useFormat();
  const markRead = useMarkRead();
  return (
    <li className={notice.read ? 'notice-bell__item' : 'notice-bell__item notice-bell__item--unread'}>
      <span className="visually-hidden">{notice.read ? t('read') : t('new')}</span>
      {notice.link ? (
        <RouterLink
          to={notice.link}
          className="ds-link"
          onClick={() => {
            if (!notice.read) markRead.mutate(notice.id);
            onFollow();
          }}
        >
          {notice.message}
        </RouterLink>
      ) : (
        <span>{notice.message}</span>
      )}
      <span className="notice-bell__meta">
        <time dateTime={notice.createdAt}>{format.dateTime(notice.createdAt)}</time>
        {!notice.read && (
          <Button variant="tertiary" data-size="sm" onClick={() => markRead.mutate(notice.id)} disabled={markRead.isPending} aria-label={t('markOneLabel', { message: notice.message })}>
            {t('markOne')}
          </Button>
        )}
      </span>
    </li>
  );
}
