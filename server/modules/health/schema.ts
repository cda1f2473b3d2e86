// The health check's answers, declared once for serialization, OpenAPI and the web.
import { Type, type Static } from 'typebox';

export const Health = Type.Object({
  status: Type.Literal('ok'),
  engine: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  version: Type.String(),
  demo: Type.Boolean({ description: 'Демонстрационный режим: страница входа показывает демо-входы' }),
});
export type Health = Static<typeof Health>;

export const Unavailable = Type.Object({ status: Type.Literal('unavailable'), engine: Type.String(), version: Type.String() });
