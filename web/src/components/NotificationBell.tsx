// The bell of the header: the unread count, kept live, and a panel with the latest notifications.
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Icon, Popup, Text } from '@gravity-ui/uikit';
import { Bell, CheckDouble } from '@gravity-ui/icons';
import { useI18n } from '../i18n';
import { useCurrentSession } from '../state/session';
import { useNotificationFeed } from '../state/notifications';
import type { AppNotification } from '../api';
import { useNotify } from './notify';

export function NotificationBell() {
  const session = useCurrentSession();
  const { t, formatDateTime } = useI18n();
  const n = t.appeals.notifications;
  const feed = useNotificationFeed(session.user.id);
  const notify = useNotify();
  const navigate = useNavigate();
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);

  const openItem = (item: AppNotification) => {
    setOpen(false);
    feed.markRead(item.id).catch(notify.failure);
    // Only paths of this app are followed.
    if (item.link?.startsWith('/') && !item.link.startsWith('//')) navigate(item.link);
  };

  return (
    <>
      <Button
        ref={anchor} view="flat" size="l" className="bell" onClick={() => setOpen((v) => !v)}
        aria-label={n.open(feed.unread)} title={n.title} aria-expanded={open} aria-haspopup="dialog" qa="notification-bell"
      >
        <Icon data={Bell} size={18} />
        {feed.unread > 0 && <span className="bell__count" data-qa="notification-count" aria-hidden="true">{feed.unread > 99 ? '99+' : feed.unread}</span>}
      </Button>
      <Popup anchorElement={anchor.current} open={open} onOpenChange={setOpen} placement="bottom-end">
        <section className="notifications" data-qa="notification-panel" aria-label={n.title}>
          <header className="notifications__head">
            <Text variant="subheader-2">{n.title}</Text>
            <Button view="flat-secondary" size="s" disabled={feed.unread === 0} onClick={() => feed.markAllRead().catch(notify.failure)} qa="notifications-read-all">
              <Icon data={CheckDouble} size={14} />{n.readAll}
            </Button>
          </header>
          {feed.items.length === 0 && <Text color="secondary" className="notifications__empty">{n.empty}</Text>}
          <ul className="notifications__list">
            {feed.items.map((item) => (
              <li key={item.id}>
                <button type="button" className={`notification${item.readAt ? '' : ' notification_unread'}`} onClick={() => openItem(item)} data-qa="notification-item">
                  <span className="notification__title">{item.title}</span>
                  {item.body && <span className="notification__body">{item.body}</span>}
                  <span className="notification__time">{formatDateTime(item.createdAt)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      </Popup>
    </>
  );
}
