// Whether a website page carries the widget of the Платформа обратной связи (ПОС) of Gosuslugi: its
// script from pos.gosuslugi.ru, its frame, or the call that draws it. Pure: the page's HTML in, the
// evidence out.

const POS_HOST = /^(?:https?:)?\/\/(?:[\w-]+\.)*pos\.gosuslugi\.ru(?:[:/?#]|$)/i;

export interface WidgetCheck {
  installed: boolean;
  /** What was found, e.g. «script https://pos.gosuslugi.ru/bin/script.min.js»; null when nothing was. */
  evidence: string | null;
}

/** Looks for the ПОС widget in a page: a <script> or <iframe> from pos.gosuslugi.ru, or the inline Widget("…pos.gosuslugi.ru…") call. */
export function findPosWidget(html: string): WidgetCheck {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, ' ');
  for (const m of withoutComments.matchAll(/<(script|iframe)\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const src = (m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (POS_HOST.test(src)) return { installed: true, evidence: `${m[1].toLowerCase()} ${src}` };
  }
  const call = /Widget\(\s*["']((?:https?:)?\/\/(?:[\w-]+\.)*pos\.gosuslugi\.ru[^"']*)["']/i.exec(withoutComments);
  if (call) return { installed: true, evidence: `Widget ${call[1]}` };
  return { installed: false, evidence: null };
}

export const OFFICIAL_PAGE_PLATFORMS = ['website', 'vk', 'telegram', 'ok', 'max', 'dzen', 'other'] as const;
export type OfficialPagePlatform = (typeof OFFICIAL_PAGE_PLATFORMS)[number];

export const OFFICIAL_PAGE_PLATFORM_LABELS: Record<OfficialPagePlatform, string> = {
  website: 'Официальный сайт', vk: 'ВКонтакте', telegram: 'Telegram', ok: 'Одноклассники', max: 'MAX', dzen: 'Дзен', other: 'Другое',
};

export const MONITORING_ITEM_STATUSES = ['new', 'registered', 'rejected'] as const;
export type MonitoringItemStatus = (typeof MONITORING_ITEM_STATUSES)[number];
export const MONITORING_ITEM_STATUS_LABELS: Record<MonitoringItemStatus, string> = { new: 'Новая', registered: 'Риск зарегистрирован', rejected: 'Отклонена' };
