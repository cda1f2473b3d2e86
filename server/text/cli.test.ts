// `otklik text eval` as a person runs it: the real command, one JSON object on stdout, Russian errors with exit 2.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLabelledCsv, runTextEval } from './cli';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SAMPLE = path.join(import.meta.dirname, 'fixtures', 'appeals-sample.csv');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otklik-text-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const COLUMNS = ['--text-column', 'Текст обращения', '--label-column', 'Группа'];

function otklik(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts'), 'text', ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('otklik text eval', () => {
  it('reads quoted multi-line fields and strips HTML', () => {
    const rows = readLabelledCsv(SAMPLE, 'Текст обращения', 'Группа');
    expect(rows).toHaveLength(24);
    expect(rows[2].text).toBe('Не чистят дорогу от снега,\nпроезжая часть в колее');
    expect(rows[1].text).toBe('Разбитая  дорога  по улице Мира, ямы на проезжей части');
    expect(rows[9].text).not.toMatch(/<|>/);
  });

  it('cross-validates and prints one JSON object', () => {
    const run = otklik('eval', '--data', SAMPLE, ...COLUMNS, '--folds', '4');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(['n', 'labels', 'accuracy', 'top3', 'macroF1', 'coverage', 'perLabel', 'trainSeconds', 'textsPerSecond']);
    expect(result.n).toBe(24);
    expect(result.labels).toBe(3);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.75);
    expect(result.top3).toBe(1);
    expect(result.perLabel['ЖКХ'].n).toBe(8);
  }, 60_000);

  it('trains on one file and tests on another, with semicolons', () => {
    const lines = fs.readFileSync(SAMPLE, 'utf8');
    const rows = readLabelledCsv(SAMPLE, 'Текст обращения', 'Группа');
    const write = (name: string, part: typeof rows) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, `text;label\n${part.map((r) => `"${r.text.replace(/"/g, '""')}";${r.label}`).join('\n')}\n`);
      return file;
    };
    expect(lines).toContain('\n');
    const train = write('train.csv', rows.filter((_, i) => i % 4 !== 0));
    const test = write('test.csv', rows.filter((_, i) => i % 4 === 0));
    const result = runTextEval(['--train', train, '--test', test, '--text-column', 'text', '--label-column', 'label']);
    expect(result.n).toBe(6);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.5);
  });

  it('says what is wrong in Russian and exits with 2', () => {
    const missing = otklik('eval', '--data', SAMPLE, '--text-column', 'Текст', '--label-column', 'Группа');
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/нет столбца «Текст»/);
    expect(() => runTextEval(['--data', path.join(dir, 'none.csv'), ...COLUMNS])).toThrow(/Не удалось прочитать/);
    expect(() => runTextEval(COLUMNS)).toThrow(/Укажите --data/);
    expect(() => runTextEval(['--data', SAMPLE, ...COLUMNS, '--folds', '1'])).toThrow(/--folds/);
  }, 60_000);
});
