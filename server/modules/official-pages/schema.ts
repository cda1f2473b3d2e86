import { Type, type Static } from 'typebox';
import { OFFICIAL_PAGE_PLATFORMS } from '../../../domain/monitoring/widget';
import { DateTime, HttpUrl, Uuid } from '../../platform/http';
import { FeedStatus } from '../monitoring/schema';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Platform = Type.Enum(OFFICIAL_PAGE_PLATFORMS, { description: 'website — официальный сайт; vk, telegram, ok, max, dzen — аккаунт в соцсети или мессенджере' });

export const OfficialPage = Type.Object({
  id: Uuid,
  municipality: Type.String(),
  municipalityName: Type.String(),
  platform: Platform,
  url: Type.String(),
  name: Nullable(Type.String()),
  verified: Type.Boolean({ description: 'Страница отмечена площадкой как официальная (госпаблик)' }),
  feedUrl: Nullable(Type.String()),
  lastPostAt: Nullable(DateTime),
  feed: FeedStatus,
  widget: Nullable(Type.Object({
    installed: Nullable(Type.Boolean({ description: 'null — ещё не проверялся или проверить не удалось' })),
    evidence: Nullable(Type.String({ description: 'Что найдено на странице: скрипт или фрейм виджета' })),
    error: Nullable(Type.String()),
    checkedAt: Nullable(DateTime),
  }, { description: 'Проверка виджета ПОС — только у сайта' })),
  can: Type.Object({ update: Type.Boolean(), delete: Type.Boolean(), check: Type.Boolean() }),
  createdAt: DateTime,
}, { title: 'Официальная страница администрации' });
export type OfficialPage = Static<typeof OfficialPage>;

export const CreatePage = Type.Object({
  municipality: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'slug; для администрации — её собственный' })),
  platform: Platform,
  url: HttpUrl,
  name: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  verified: Type.Optional(Type.Boolean()),
  feedUrl: Type.Optional(Nullable(HttpUrl)),
}, { additionalProperties: false });
export type CreatePage = Static<typeof CreatePage>;

export const UpdatePage = Type.Object({
  platform: Type.Optional(Platform),
  url: Type.Optional(HttpUrl),
  name: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  verified: Type.Optional(Type.Boolean()),
  feedUrl: Type.Optional(Nullable(HttpUrl)),
}, { additionalProperties: false });
export type UpdatePage = Static<typeof UpdatePage>;

export const PageFilter = Type.Object({
  municipality: Type.Optional(Type.String({ maxLength: 60 })),
  platform: Type.Optional(Platform),
});
export type PageFilter = Static<typeof PageFilter>;

export const PageList = Type.Object({ items: Type.Array(OfficialPage) });
