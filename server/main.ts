// The otklik command: serve | migrate | seed | create-admin | import | text | help.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { ConfigError, loadConfig, type Config } from './config';
import { openDatabase, DataDirLockedError, type Database } from './db';
import { prepareDatabase } from './db/prepare';
import { REFERENCE_DATA } from './seed/reference';
import { buildApp, WEB_DIST } from './app';
import { loggerOptions } from './platform/logging';
import { createAdmin, DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed/demo';
import { seedDemoActivity } from './seed/activity';
import { seedAppeals } from './seed/appeals';
import { passwordProblem } from './platform/passwords';
import { VERSION } from './version';
import { textCommand } from './text/cli';
import { importCommand } from './modules/imports/cli';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** Appeals of the demo region, so that the registry and reports have something to show. */
const DEMO_APPEALS = 600;

const HELP = `Отклик ${VERSION}

Использование: otklik <команда> [параметры]

  serve [--demo]          запустить сервер (миграции применяются при старте);
                          --demo создаёт демонстрационный регион на пустой базе
  migrate                 применить миграции и выйти
  seed --demo             создать демонстрационный регион (если база пуста)
  seed --appeals N [--seed S]
                          добавить N реалистичных обращений (для нагрузки и демонстрации)
  create-admin --login L --name "ФИО" [--password P]
                          создать первого администратора ЦУР
  import pos FILE --municipality SLUG [--dry-run] [--report R.csv]
                          загрузить выгрузку ПОС (CSV или XLSX); повторная загрузка
                          обновляет статусы и оценки, не создавая дублей
  import incidents FILE --municipality SLUG [--dry-run] [--report R.csv]
                          загрузить выгрузку Инцидент-менеджмента
  text eval --data F.csv --text-column T --label-column L [--folds 5]
  text eval --train A.csv --test B.csv --text-column T --label-column L
                          обучить классификатор текстов и проверить его на размеченных текстах
  help                    эта справка

Настройки читаются из переменных окружения (см. README): DATABASE_URL, OTKLIK_DATA_DIR, HOST, PORT…`;

function openFor(config: Config): Promise<Database> {
  return openDatabase({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize, pgliteDir: config.databaseUrl ? null : path.join(config.dataDir, 'db') });
}

function ensureWebBuilt(log: pino.Logger): void {
  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) return;
  log.info('веб-приложение ещё не собрано — собираю (один раз)…');
  const vite = path.join(ROOT, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--config', path.join(ROOT, 'web', 'vite.config.ts'), '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Сборка веб-приложения не удалась (npm run build)');
}

async function serve(config: Config, demoRequested: boolean): Promise<void> {
  // A person at a terminal in development reads lines, not JSON; production and pipes get JSON lines.
  const logOptions = loggerOptions(config.logLevel, { pretty: config.env === 'development' && process.stdout.isTTY === true });
  const log = pino(logOptions);
  ensureWebBuilt(log);
  const database = await openFor(config);
  await prepareDatabase(database, REFERENCE_DATA);
  const demo = demoRequested || config.demo;
  if (demo && config.env === 'production') {
    log.warn('демо-данные в режиме production не создаются; используйте «otklik seed --demo»');
  }
  const seeded = demo && config.env !== 'production' && (await seedDemo(database.db));
  if (seeded) {
    const appeals = await seedAppeals(database.db, { count: DEMO_APPEALS, now: new Date(), days: 120 });
    log.info({ appeals }, 'создан демонстрационный регион');
  }
  const app = await buildApp({ config: { ...config, demo: demo && config.env !== 'production' }, database, startJobs: true, logger: logOptions });
  if (seeded) {
    // Risks, requests, reports and contacts of the demo region go through the API, as their users would do it.
    await app.ready();
    try {
      log.info(await seedDemoActivity(app, new Date()), 'демонстрационный регион в работе: риски, запросы, отчёты');
    } catch (error) {
      log.warn({ err: error }, 'демонстрационные риски, запросы и отчёты созданы не полностью');
    }
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'остановка: завершаю текущие запросы');
    const force = setTimeout(() => { app.log.error('остановка заняла больше 15 с — выхожу'); process.exit(1); }, 15_000);
    try {
      await app.close();
      await database.close();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ host: config.host, port: config.port, listenTextResolver: (address) => `сервер принимает запросы: ${address}` });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  const lines = [
    '',
    `  Отклик ${VERSION} работает: ${url}`,
    `  База данных: ${database.engine === 'pglite' ? `PGlite (${path.join(config.dataDir, 'db')})` : 'PostgreSQL'}`,
    `  Описание API: ${url}/api/docs`,
  ];
  if (demo && config.env !== 'production') {
    lines.push(`  Демо-входы (пароль «${DEMO_PASSWORD}»): ${DEMO_USERS.map((u) => u.login).join(', ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  // `text` has its own parameters and needs no configuration or database.
  if (command === 'text') return textCommand(rest);
  if (command === 'import') {
    const config = loadConfig();
    return importCommand(rest, async () => {
      const database = await openFor(config);
      await prepareDatabase(database, REFERENCE_DATA);
      return database;
    });
  }
  const { values } = parseArgs({
    args: rest,
    options: { demo: { type: 'boolean', default: false }, appeals: { type: 'string' }, seed: { type: 'string' }, login: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    allowPositionals: false,
    strict: true,
  });
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      await serve(config, values.demo ?? false);
      return -1;
    case 'migrate': {
      const database = await openFor(config);
      try { await prepareDatabase(database, REFERENCE_DATA); } finally { await database.close(); }
      console.log('Миграции применены.');
      return 0;
    }
    case 'seed': {
      const count = values.appeals === undefined ? 0 : Number(values.appeals);
      if (!values.demo && !count) { console.error('Укажите, что создавать: otklik seed --demo и/или --appeals N'); return 2; }
      if (!Number.isInteger(count) || count < 0 || count > 10_000_000) { console.error('--appeals: ожидается целое число от 1 до 10 000 000'); return 2; }
      const database = await openFor(config);
      try {
        await prepareDatabase(database, REFERENCE_DATA);
        if (values.demo) console.log((await seedDemo(database.db)) ? 'Демонстрационный регион создан.' : 'База не пуста — демо-данные не созданы.');
        if (count) {
          const started = Date.now();
          const written = await seedAppeals(database.db, {
            count, seed: values.seed ? Number(values.seed) : 42, now: new Date(),
            onProgress: (done) => process.stdout.write(`\r  обращений: ${done} из ${count}, ${Math.round(done / ((Date.now() - started) / 1000))} в секунду`),
            onIndexes: (n) => process.stdout.write(`\n  строятся индексы реестра (${n})…`),
          });
          const seconds = (Date.now() - started) / 1000;
          console.log(`\nДобавлено обращений: ${written} за ${seconds.toFixed(1)} с (${Math.round(written / seconds)} в секунду).`);
        }
      } finally { await database.close(); }
      return 0;
    }
    case 'create-admin': {
      if (!values.login || !values.name) { console.error('Нужны --login и --name'); return 2; }
      const password = values.password ?? `Otk${Math.random().toString(36).slice(2, 10)}7`;
      const problem = passwordProblem(password);
      if (problem) { console.error(problem); return 2; }
      const database = await openFor(config);
      try {
        await prepareDatabase(database, REFERENCE_DATA);
        await createAdmin(database.db, values.login, values.name, password);
      } finally { await database.close(); }
      console.log(`Администратор ${values.login} создан${values.password ? '' : `; временный пароль: ${password}`}. При первом входе его нужно сменить.`);
      return 0;
    }
    default:
      console.error(`Неизвестная команда «${command}».\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exit(code);
}, (error) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`Ошибка настройки: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
