// The error catalogue is complete and consistent: every entry speaks both languages, every code raised in
// the server is declared with the status it is raised with, and the web translates exactly the catalogue.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_ERRORS, ERRORS, isErrorCode } from '../../domain/errors';
import { appError, FRAMEWORK_ERRORS, MULTIPART_ERRORS, notFound } from './errors';
import { ru } from '../../web/src/i18n/ru';
import { en } from '../../web/src/i18n/en';

const root = path.resolve(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

/** `(status, 'code')` pairs raised in a source text: `new AppError(409, 'x'`, `{ status: 409, code: 'x'`, `status(404).send({ code: 'x'`. */
export function raised(text: string): { status: number; code: string }[] {
  const out: { status: number; code: string }[] = [];
  const patterns = [
    /new AppError\((\d{3}), '([a-z_]+)'/g,
    /status: (\d{3}), code: '([a-z_]+)'/g,
    /status\((\d{3})\)\.send\(\{ code: '([a-z_]+)'/g,
  ];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) out.push({ status: Number(m[1]), code: m[2] });
  return out;
}

describe('the error catalogue', () => {
  it('declares every code with an error status and a Russian and an English message', () => {
    expect(Object.keys(ERRORS).length).toBeGreaterThanOrEqual(44);
    for (const [code, entry] of Object.entries({ ...ERRORS, ...CLIENT_ERRORS })) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(entry.ru.trim(), code).not.toBe('');
      expect(entry.en.trim(), code).not.toBe('');
      expect(entry.ru, `${code}: the Russian message is Russian`).toMatch(/[а-яё]/i);
      expect(entry.en, `${code}: the English message is not Russian`).not.toMatch(/[а-яё]/i);
    }
    for (const entry of Object.values(ERRORS)) expect(entry.status).toBeGreaterThanOrEqual(400);
    for (const code of Object.keys(CLIENT_ERRORS)) expect(isErrorCode(code)).toBe(false);
  });

  it('holds every code the server raises, with the status it is raised with', () => {
    const found = sources(path.join(root, 'server')).flatMap((file) => raised(readFileSync(file, 'utf8')).map((r) => ({ ...r, file: path.relative(root, file) })));
    expect(found.length).toBeGreaterThan(20);
    for (const map of [FRAMEWORK_ERRORS, MULTIPART_ERRORS]) for (const e of Object.values(map)) found.push({ status: e.status, code: e.code, file: 'server/platform/errors.ts' });
    const wrong = found.filter((r) => !isErrorCode(r.code) || ERRORS[r.code].status !== r.status).map((r) => `${r.file}: ${r.status} ${r.code}`);
    expect(wrong).toEqual([]);
  });

  it('is not vacuous: the scan finds a wrong status and an unknown code', () => {
    const sample = "throw new AppError(409, 'appeal_not_found', 'x'); return { status: 400, code: 'no_such_code', message: 'y' };";
    expect(raised(sample)).toEqual([{ status: 409, code: 'appeal_not_found' }, { status: 400, code: 'no_such_code' }]);
    expect(ERRORS.appeal_not_found.status).not.toBe(409);
    expect(isErrorCode('no_such_code')).toBe(false);
  });

  it('raises with the catalogue status and message unless the throw site says more', () => {
    const e = appError('report_locked');
    expect([e.status, e.code, e.message]).toEqual([409, 'report_locked', ERRORS.report_locked.ru]);
    expect(notFound('risk_not_found').message).toBe('Информационный риск не найден');
    expect(appError('forbidden', 'Запросы направляет ЦУР').message).toBe('Запросы направляет ЦУР');
  });

  it('is what the web translates, in both languages', () => {
    const catalogue = [...Object.keys(ERRORS), ...Object.keys(CLIENT_ERRORS)].sort();
    expect(Object.keys(ru.errors).sort()).toEqual(catalogue);
    expect(Object.keys(en.errors).sort()).toEqual(catalogue);
    for (const code of catalogue) {
      expect(ru.errors[code], code).toBeTruthy();
      expect(en.errors[code], code).toBeTruthy();
    }
  });
});
