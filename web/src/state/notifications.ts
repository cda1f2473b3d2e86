// The signed-in user's notifications: the latest list, the unread count, and a live stream
// (server-sent events) that brings new ones without reloading the page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type AppNotification } from '../api';

const LIMIT = 30;

export interface NotificationFeed {
  items: AppNotification[];
  unread: number;
  markRead(id: string): Promise<void>;
  markAllRead(): Promise<void>;
}

function merge(current: AppNotification[], incoming: AppNotification[]): AppNotification[] {
  const known = new Set(incoming.map((n) => n.id));
  return [...incoming, ...current.filter((n) => !known.has(n.id))]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, LIMIT);
}

/** `changed` events of the stream, by the kind of object: open lists of that kind read again. */
const changes = new EventTarget();

/**
 * Calls `reload` when objects of these kinds changed anywhere the user can see (the same stream as the
 * bell); a burst of changes makes one reload.
 */
export function useLiveReload(entityTypes: readonly string[], reload: () => unknown): void {
  const latest = useRef(reload);
  latest.current = reload;
  const key = entityTypes.join(',');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(() => { void latest.current(); }, 250);
    };
    const kinds = key.split(',');
    for (const kind of kinds) changes.addEventListener(kind, onChange);
    return () => {
      clearTimeout(timer);
      for (const kind of kinds) changes.removeEventListener(kind, onChange);
    };
  }, [key]);
}

export function useNotificationFeed(userId: string): NotificationFeed {
  const [items, setItems] = useState<AppNotification[]>([]);
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api.notifications.list(LIMIT)
      .then((r) => { if (!cancelled) { setItems((current) => merge(current, r.items)); setUnread(r.unread); } })
      .catch(() => {});
    // EventSource reconnects by itself after a network break; the server resends the unread count on `ready`.
    const source = new EventSource(api.notifications.streamUrl, { withCredentials: true });
    source.addEventListener('ready', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { unread: number };
      setUnread(data.unread);
    });
    source.addEventListener('changed', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { entityType: string };
      changes.dispatchEvent(new Event(data.entityType));
    });
    source.addEventListener('notifications', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { items: AppNotification[]; unread: number };
      setItems((current) => merge(current, data.items));
      setUnread(data.unread);
    });
    return () => {
      cancelled = true;
      source.close();
    };
  }, [userId]);

  const markRead = useCallback(async (id: string) => {
    const target = items.find((n) => n.id === id);
    if (!target || target.readAt) return;
    await api.notifications.read(id);
    setItems((current) => current.map((n) => (n.id === id ? { ...n, readAt: new Date().toISOString() } : n)));
    setUnread((n) => Math.max(0, n - 1));
  }, [items]);

  const markAllRead = useCallback(async () => {
    await api.notifications.read('all');
    const now = new Date().toISOString();
    setItems((current) => current.map((n) => (n.readAt ? n : { ...n, readAt: now })));
    setUnread(0);
  }, []);

  return { items, unread, markRead, markAllRead };
}
