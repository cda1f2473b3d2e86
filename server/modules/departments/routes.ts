// Departments (подразделения) of a municipal administration, to which appeals are assigned.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { Type } from 'typebox';
import { departments, organizations } from '../../db/schema';
import { contextOf, requireActor } from '../../platform/auth';
import { audited } from '../../platform/audit';
import { conflict, validationFailed } from '../../platform/errors';
import { errors, Uuid } from '../../platform/http';
import { authorize, inScope, isRegional, scopeOf } from '../../platform/policy';
import { isUniqueViolation } from '../../platform/db-errors';

const Department = Type.Object({ id: Uuid, name: Type.String(), municipality: Type.String(), active: Type.Boolean() });

export async function departmentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.services.database.db;
  const tags = ['departments'];

  app.get('/api/departments', {
    schema: { tags, summary: 'Подразделения администраций', querystring: Type.Object({ municipality: Type.Optional(Type.String({ maxLength: 60 })) }), response: { 200: Type.Object({ items: Type.Array(Department) }), ...errors(400, 401) } },
  }, async (request) => {
    const scope = scopeOf(requireActor(request));
    const rows = await db().select({ id: departments.id, name: departments.name, municipality: organizations.slug, active: departments.active })
      .from(departments).innerJoin(organizations, eq(organizations.id, departments.organizationId))
      .where(and(scope === 'all' ? undefined : inArray(departments.organizationId, scope), request.query.municipality ? eq(organizations.slug, request.query.municipality) : undefined))
      .orderBy(asc(organizations.slug), asc(departments.name));
    return { items: rows };
  });

  app.post('/api/departments', {
    schema: {
      tags, summary: 'Добавить подразделение (руководитель или администратор ЦУР)',
      body: Type.Object({ name: Type.String({ minLength: 2, maxLength: 200 }), municipality: Type.Optional(Type.String({ maxLength: 60 })) }, { additionalProperties: false }),
      response: { 201: Department, ...errors(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    authorize(ctx.actor, 'departments.manage');
    const slug = request.body.municipality;
    const [org] = isRegional(ctx.actor)
      ? await db().select().from(organizations).where(and(eq(organizations.slug, slug ?? ''), eq(organizations.kind, 'municipality'))).limit(1)
      : await db().select().from(organizations).where(eq(organizations.id, ctx.actor.organizationId)).limit(1);
    if (!org || !inScope(ctx.actor, org.id) || (slug && slug !== org.slug)) throw validationFailed([{ field: 'municipality', message: 'Муниципальное образование не найдено' }]);
    try {
      const created = await audited(db(), ctx, async (tx) => {
        const [row] = await tx.insert(departments).values({ organizationId: org.id, name: request.body.name.trim() }).returning();
        const result = { id: row.id, name: row.name, municipality: org.slug, active: row.active };
        return { result, audit: { action: 'department.create', entityType: 'department', entityId: row.id, organizationId: org.id, after: result } };
      });
      return reply.status(201).send(created);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('department_exists', 'Такое подразделение уже есть');
      throw error;
    }
  });
}
