import { Type, type Static } from 'typebox';
import { IMPORT_SOURCES } from '../../../domain/imports/columns';
import { DateTime, Uuid } from '../../platform/http';

export const ImportSource = Type.Enum(IMPORT_SOURCES, { description: 'pos — ПОС, incidents — Инцидент-менеджмент' });

export const ImportRun = Type.Object({
  id: Uuid,
  municipality: Type.String(),
  municipalityName: Type.String(),
  source: ImportSource,
  filename: Type.String(),
  dryRun: Type.Boolean(),
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  total: Type.Integer({ description: 'Строк данных в файле' }),
  processed: Type.Integer({ description: 'Строк обработано' }),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  unmappedCategories: Type.Array(Type.String(), { description: 'Категории файла, которых ещё нет в таблице соответствия тем' }),
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  finishedAt: Type.Union([DateTime, Type.Null()]),
}, { title: 'Загрузка выгрузки' });
export type ImportRun = Static<typeof ImportRun>;

export const ImportRunList = Type.Object({ items: Type.Array(ImportRun) });

export const CategoryMapping = Type.Object({
  category: Type.String({ minLength: 1, maxLength: 300 }),
  subcategory: Type.String({ maxLength: 300, description: 'Пусто — любая подкатегория' }),
  topic: Type.String({ minLength: 1, maxLength: 40, description: 'Код темы классификатора' }),
}, { additionalProperties: false });
export type CategoryMapping = Static<typeof CategoryMapping>;

export const CategoryMap = Type.Object({
  items: Type.Array(Type.Object({ category: Type.String(), subcategory: Type.String(), topic: Type.String(), topicTitle: Type.String() })),
});
export type CategoryMap = Static<typeof CategoryMap>;

export const CategoryMapBody = Type.Object({ items: Type.Array(CategoryMapping, { maxItems: 2000 }) }, { additionalProperties: false });
export type CategoryMapBody = Static<typeof CategoryMapBody>;

export const SourceParams = Type.Object({ source: ImportSource });
