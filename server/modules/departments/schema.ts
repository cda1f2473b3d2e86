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

export const GroupDepartment = Type.Object({
  id: Uuid, name: Type.String(),
  source: Type.Union([Type.Literal('configured'), Type.Literal('learned')], { description: 'configured — задано человеком, learned — куда чаще всего назначали обращения группы' }),
}, { title: 'Подразделение оперативной группы' });
export type GroupDepartment = Static<typeof GroupDepartment>;

export const GroupRoute = Type.Object({
  group: Type.String({ description: 'Код оперативной группы' }),
  groupTitle: Type.String(),
  department: Type.Union([GroupDepartment, Type.Null()]),
  assignments: Type.Array(Type.Object({ id: Uuid, name: Type.String(), count: Type.Integer() }), { description: 'Сколько обращений группы назначено каждому подразделению' }),
});
export const GroupRouteList = Type.Object({ municipality: Type.String(), items: Type.Array(GroupRoute), can: Type.Object({ edit: Type.Boolean() }) });
export const SetGroupRoute = Type.Object({
  municipality: Type.Optional(Type.String({ maxLength: 60, description: 'slug; администрации — своё' })),
  group: Type.String({ maxLength: 60 }),
  departmentId: Type.Union([Uuid, Type.Null()], { description: 'null — снять заданное, тогда подразделение выучивается из назначений' }),
}, { additionalProperties: false });
