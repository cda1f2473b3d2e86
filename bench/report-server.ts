// The application alone in its own process, for the benches that measure it from outside (report, register,
// load): listens on a free port of 127.0.0.1 and prints the address. DATABASE_URL names the PostgreSQL
// database; the other settings come from the environment as for the server itself.
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db';

const config = { ...loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent' }), cookieSecure: false };
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, pgliteDir: null, poolSize: config.databasePoolSize });
const app = await buildApp({ config, database, logger: false });
process.stdout.write(`${await app.listen({ host: '127.0.0.1', port: 0 })}\n`);
process.on('SIGTERM', () => void app.close().then(() => database.close()).then(() => process.exit(0)));
