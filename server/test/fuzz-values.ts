// fast-check arbitraries derived from the JSON schemas of the OpenAPI document: values that mostly
// satisfy the schema (so requests reach the services) mixed with the inputs clients get wrong.
import fc from 'fast-check';

/** The subset of JSON Schema (as @fastify/swagger prints it) that the request schemas use. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  description?: string;
}

/** Values seen in the demo data, by property name; real ids and slugs let requests reach real objects. */
export interface Pools {
  byKey: Map<string, string[]>;
  /** Every uuid seen anywhere. */
  uuids: string[];
  /** Property names used by any schema of the API, for junk objects that look almost right. */
  keys: string[];
}

export function emptyPools(): Pools {
  return { byKey: new Map(), uuids: [], keys: [] };
}

const CYRILLIC = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ -.,№';

/** Characters that break parsers, databases and renderers: C0/C1 controls, NUL, bidi overrides, lone surrogates. */
export const NASTY_CHARACTERS = [
  '\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\v', '\f', '\r', '\u001b', '\u001f', '\u007f', '\u0085', '\u00a0',
  '\u200b', '\u200e', '\u202e', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff', '\ud800', '\udfff', '\u0301', '\u0489',
];

const HUGE = 100_000;

/** Strings every field should survive: empty, blanks, dates that do not exist, scripts, emoji, RTL, combining marks. */
export const NASTY_STRINGS = [
  '', ' ', '   ', '\u0000', 'a\u0000b', 'null', 'undefined', 'true', '0', '-1', '-0', '1.5', '1e309', 'NaN', 'Infinity', '0x1A',
  '9'.repeat(40), '１２', '١٢', ' 1 ', '2026-02-30', '0000-00-00', '2026-13-45', '99999-12-31', '+275760-09-13', '-000001-01-01',
  '2026-02-30T25:61:61Z', '2026-01-01T00:00:00+99:99', '1970-01-01T00:00:00.000Z', '9999-12-31T23:59:59Z',
  'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', 'http://', 'http://[::1', 'https://xn--e1afmkfd.xn--p1ai/путь?q=1',
  'mailto:a@b', 'a@b', '@', 'user@[127.0.0.1]', '<script>alert(1)</script>', "' OR '1'='1", '"; DROP TABLE appeals; --',
  '%', '%00', '%zz', '../../../etc/passwd', '..\\..\\boot.ini', '\\', '{{7*7}}', '${7*7}', '__proto__', 'constructor',
  '𝕬𝖇𝖈', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🙂'.repeat(500), 'مرحبا بالعالم', 'שלום', '\u202eevil\u202c', 'е́ё̈й̆', 'Z͑ͫ̓ͪ̂ͫ̽͏̴̙̤̞͉͚̯̞̠͍', 'ﷺ',
  '\ufeffbom', 'Привет, мир', 'ЁЛКИ-ПАЛКИ', 'Ёё', '\r\n\r\n', ' \t\n ', 'x'.repeat(256), 'a'.repeat(HUGE), 'я'.repeat(HUGE),
  'БЕЛ-2026-000001', 'beloyarsky', 'all',
];

const nastyCharacter = fc.constantFrom(...NASTY_CHARACTERS);

/** Any text: Cyrillic, full Unicode, graphemes with emoji, and runs of control characters. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...CYRILLIC), maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...CYRILLIC) }, nastyCharacter), maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
);

/** A well-formed calendar date, sometimes far in the past or future. */
const isoDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true });
// Around today, as deadlines and registration dates are checked against the clock.
const YEAR = 365 * 86_400_000;
const nearDate = fc.date({ min: new Date(Date.now() - YEAR), max: new Date(Date.now() + YEAR), noInvalidDate: true });

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.constantFrom(-0, 2 ** 53 + 2, -(2 ** 63), 1e308, Number.MIN_VALUE),
  anyText, fc.constant([]), fc.constant({}), fc.array(fc.integer(), { maxLength: 3 }),
);

/** Deeply nested objects and arrays with keys the API uses, prototype keys and junk. */
export function junk(pools: Pools): fc.Arbitrary<unknown> {
  const key = fc.oneof(
    { weight: 4, arbitrary: pools.keys.length > 0 ? fc.constantFrom(...pools.keys) : fc.string() },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', '', ' ', '$where', 'a.b', '0', 'ключ', '\u0000') },
    { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  );
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, wrongType, tie('array'), tie('object')),
    array: fc.array(tie('tree'), { maxLength: 4 }),
    object: fc.dictionary(key, tie('tree'), { maxKeys: 5, noNullPrototype: true }),
  }));
  return fc.oneof(
    { weight: 4, arbitrary: tree },
    { weight: 1, arbitrary: fc.integer({ min: 50, max: 2000 }).map((depth) => nest(depth)) },
  );
}

function nest(depth: number): unknown {
  let value: unknown = 'дно';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  if (schema.enum) return ['enum'];
  return [];
}

function stringOfLength(length: number, unit = 'ж'): string {
  return unit.repeat(length);
}

function poolFor(pools: Pools, name: string | undefined): string[] {
  if (!name) return [];
  // organizationId → organization (ids of nested objects), municipalities → municipality, and slugs name municipalities.
  const names = [name, name.replace(/Ids?$/, ''), name.replace(/s$/, ''), ...(name.startsWith('municipalit') ? ['slug'] : [])];
  for (const n of names) {
    const seen = pools.byKey.get(n);
    if (seen && seen.length > 0) return seen;
  }
  return [];
}

/** A value the schema accepts (as far as the generator can tell), preferring values from the demo data. */
export function validValue(schema: JsonSchema, pools: Pools, name?: string, strict = false): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((s) => validValue(s, pools, name, strict)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = typesOf(schema)[0];
  const base = validOfType(type, schema, pools, name, strict);
  return schema.nullable ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

function validOfType(type: string | undefined, schema: JsonSchema, pools: Pools, name: string | undefined, strict: boolean): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string': return validString(schema, pools, name);
    case 'integer': {
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? Math.max(min + 1000, 1000);
      return fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max));
    }
    case 'number': {
      const min = schema.minimum ?? -1e6;
      const max = schema.maximum ?? 1e6;
      return fc.oneof(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(min, max));
    }
    case 'boolean': return fc.boolean();
    case 'array': {
      const items = schema.items ?? {};
      return fc.array(value(items, pools, name, strict), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) });
    }
    case 'object': return validObject(schema, pools, strict);
    default: return fc.oneof(wrongType, anyText);
  }
}

function validString(schema: JsonSchema, pools: Pools, name?: string): fc.Arbitrary<string> {
  const seen = poolFor(pools, name);
  const fromPool = seen.length > 0 ? [{ weight: 12, arbitrary: fc.constantFrom(...seen) }] : [];
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 500;
  let generated: fc.Arbitrary<string>;
  switch (schema.format) {
    case 'uuid': generated = pools.uuids.length > 0 ? fc.oneof(fc.constantFrom(...pools.uuids), fc.uuid()) : fc.uuid(); break;
    case 'date': generated = fc.oneof(nearDate, isoDate).map((d) => d.toISOString().slice(0, 10)); break;
    case 'date-time': generated = fc.oneof(nearDate, isoDate).map((d) => d.toISOString()); break;
    case 'email': generated = fc.emailAddress(); break;
    case 'uri': generated = fc.webUrl({ withQueryParameters: true, withFragments: true }); break;
    default:
      generated = schema.pattern
        ? fc.stringMatching(new RegExp(schema.pattern))
        : fc.oneof(
          { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...CYRILLIC), minLength, maxLength: Math.min(maxLength, minLength + 60) }) },
          { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength: Math.min(maxLength, minLength + 20) }) },
          { weight: 1, arbitrary: fc.constantFrom(stringOfLength(minLength), stringOfLength(maxLength)) },
        );
  }
  return fc.oneof({ weight: 3, arbitrary: generated }, ...fromPool);
}

function validObject(schema: JsonSchema, pools: Pools, strict: boolean): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) model[key] = value(property, pools, key, strict);
  const record = fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
  if (Object.keys(properties).length > 0 || schema.additionalProperties === false) return record;
  // A free-form object (an action's payload): fields named like the rest of the API, with any values.
  return fc.dictionary(fc.constantFrom(...(pools.keys.length > 0 ? pools.keys : ['text'])), fc.oneof(anyText, wrongType, fc.constantFrom(...(pools.uuids.length > 0 ? pools.uuids : ['x']))), { maxKeys: 6, noNullPrototype: true });
}

/** What a careless or hostile client sends instead: wrong types, boundary lengths, impossible dates, junk. */
export function mutatedValue(schema: JsonSchema, pools: Pools): fc.Arbitrary<unknown> {
  const type = typesOf(schema)[0];
  const options: fc.Arbitrary<unknown>[] = [wrongType, anyText, junk(pools)];
  if (type === 'string' || schema.format) {
    const min = schema.minLength ?? 0;
    const max = schema.maxLength;
    const lengths = [0, Math.max(min - 1, 0), ...(max !== undefined ? [max, max + 1] : []), HUGE];
    options.push(fc.constantFrom(...lengths).chain((n) => fc.constantFrom(stringOfLength(n), stringOfLength(n, 'я'), stringOfLength(n, '\u0000'), stringOfLength(n, '🙂'))));
    options.push(fc.string({ unit: nastyCharacter, minLength: 1, maxLength: 8 }));
    options.push(fc.tuple(validString(schema, pools), nastyCharacter).map(([s, c]) => s + c));
  }
  if (schema.format === 'date' || schema.format === 'date-time') {
    options.push(fc.constantFrom('2026-02-30', '0000-00-00', '2026-13-01', '275760-09-14', '99999-01-01', '-0001-01-01', '2026-02-29T24:00:00Z', '2026-1-1', 'вчера', '2026-02-30T12:00:00.000Z'));
  }
  if (type === 'integer' || type === 'number') {
    const near = [schema.minimum, schema.maximum].filter((n): n is number => n !== undefined).flatMap((n) => [n - 1, n + 1, n + 0.5]);
    options.push(fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 53), 1e308, -1e308, ...near));
    options.push(fc.constantFrom('1', 'NaN', 'Infinity', '1e999', '１２', ''));
  }
  if (type === 'object') options.push(fc.tuple(validObject(schema, pools, false), fc.dictionary(fc.string({ maxLength: 12 }), wrongType, { minKeys: 1, maxKeys: 3 })).map(([a, b]) => ({ ...a, ...b })));
  if (schema.enum) options.push(fc.constantFrom(...schema.enum.map((e) => (typeof e === 'string' ? e.toUpperCase() + ' ' : e))));
  return fc.oneof(...options);
}

/**
 * Mostly valid, sometimes mutated: one bad field among good ones is what reaches the deepest code.
 * Strict values are never mutated, so that whole requests pass the schema and reach the services.
 */
export function value(schema: JsonSchema, pools: Pools, name?: string, strict = false): fc.Arbitrary<unknown> {
  if (strict) return validValue(schema, pools, name, true);
  return fc.oneof({ weight: 7, arbitrary: validValue(schema, pools, name) }, { weight: 1, arbitrary: mutatedValue(schema, pools) });
}

/** Just the required fields, valid: the request most likely to pass every business rule too. */
function requiredOnly(schema: JsonSchema, pools: Pools): fc.Arbitrary<unknown> {
  if (!schema.properties) return validValue(schema, pools, undefined, true);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const key of schema.required ?? []) if (schema.properties[key]) model[key] = validValue(schema.properties[key], pools, key, true);
  return fc.record(model);
}

/** A request body for a schema: valid-ish, with extra fields, missing fields, or not an object at all. */
export function bodyValue(schema: JsonSchema, pools: Pools): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: requiredOnly(schema, pools) },
    { weight: 6, arbitrary: validValue(schema, pools, undefined, true) },
    { weight: 6, arbitrary: validValue(schema, pools) },
    { weight: 2, arbitrary: mutatedValue(schema, pools) },
    { weight: 1, arbitrary: junk(pools) },
  );
}
