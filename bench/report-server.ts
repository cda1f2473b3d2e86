// The application alone in its own process, for bench/report.ts to measure its memory: listens on a free
// port of 127.0.0.1 and prints the address. DATABASE_URL names the PostgreSQL database.
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db';

const config = { ...loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }), cookieSecure: false };
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, pgliteDir: null });
const app = await buildApp({ config, database, logger: false });
process.stdout.write(`${await app.listen({ host: '127.0.0.1', port: 0 })}\n`);
process.on('SIGTERM', () => void app.close().then(() => database.close()).then(() => process.exit(0)));
