// The body of a lifecycle step endpoint: described per step in OpenAPI (schemas from platform/http.ts
// `stepPayloads`), checked against the fields of any step before the step requires its own.
import type { FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import { validationFailed } from './errors';
import { translateValidation } from './validation';

/**
 * Route options and a reader for a step endpoint whose OpenAPI body is the union of the steps' payloads, while
 * the body is checked against `accepts` (the fields of any step), as sent: the step named in the path requires
 * its own fields itself, with a message per field.
 */
export function stepBody<P extends object>(accepts: TSchema) {
  const sent = new WeakMap<object, unknown>();
  return {
    options: {
      attachValidation: true,
      preValidation: async (request: FastifyRequest) => { sent.set(request, structuredClone(request.body)); },
    },
    read(request: FastifyRequest): P | undefined {
      if (request.validationError && request.validationError.validationContext !== 'body') throw request.validationError;
      const body = sent.get(request);
      if (body === undefined) return undefined;
      const check = request.compileValidationSchema(accepts);
      if (!check(body)) throw validationFailed(translateValidation(check.errors ?? []));
      return body as P;
    },
  };
}
