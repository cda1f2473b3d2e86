import { Type, type Static } from 'typebox';
import { DateTime, Uuid } from '../../platform/http';

export const Open311Key = Type.Object({
  id: Uuid, municipality: Type.String(), municipalityName: Type.String(), name: Type.String(), prefix: Type.String(),
  createdAt: DateTime, lastUsedAt: Type.Union([DateTime, Type.Null()]), revokedAt: Type.Union([DateTime, Type.Null()]),
}, { title: 'Ключ Open311' });
export type Open311Key = Static<typeof Open311Key>;

export const IssueKeyBody = Type.Object({
  municipality: Type.String({ minLength: 1, maxLength: 60 }),
  name: Type.String({ minLength: 2, maxLength: 200, description: 'Кому выдан: приложение, подрядчик' }),
}, { additionalProperties: false });
export type IssueKeyBody = Static<typeof IssueKeyBody>;

export const IssuedKey = Type.Object({ ...Open311Key.properties, key: Type.String({ description: 'Ключ api_key; показывается один раз' }) });
export type IssuedKey = Static<typeof IssuedKey>;
