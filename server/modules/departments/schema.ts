// Departments' requests and answers, declared once for validation, serialization, OpenAPI and the web.
import { Type, type Static } from 'typebox';
import { Uuid } from '../../platform/http';

export const Department = Type.Object({ id: Uuid, name: Type.String(), municipality: Type.String(), active: Type.Boolean() });
export type Department = Static<typeof Department>;

export const DepartmentQuery = Type.Object({ municipality: Type.Optional(Type.String({ maxLength: 60 })) });
export const DepartmentList = Type.Object({ items: Type.Array(Department) });
export const CreateDepartment = Type.Object({ name: Type.String({ minLength: 2, maxLength: 200 }), municipality: Type.Optional(Type.String({ maxLength: 60 })) }, { additionalProperties: false });
export const UpdateDepartment = Type.Object({
  name: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
  active: Type.Optional(Type.Boolean({ description: 'false — подразделение выведено из работы (назначенные обращения сохраняют его)' })),
}, { additionalProperties: false, minProperties: 1 });
