// Runs one benchmark by name (`npm run bench -- fuzz`), or every benchmark of the project in turn;
// options after the name go to the benchmark (`npm run bench -- seed --appeals 1000000`).
const BENCHES: Record<string, () => Promise<unknown>> = {
  calendar: () => import('./calendar'),
  appeals: () => import('./appeals'),
  register: () => import('./register'),
  load: () => import('./load'),
  report: () => import('./report'),
  fuzz: () => import('./fuzz'),
  text: () => import('./text'),
  seed: () => import('./seed'),
  imports: () => import('./imports'),
  analytics: () => import('./analytics'),
};

const wanted = process.argv.slice(2).find((arg) => !arg.startsWith('--') && !/^\d+$/.test(arg));
if (wanted && !BENCHES[wanted]) {
  console.error(`Нет такого замера: ${wanted}. Есть: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
for (const [bench, run] of Object.entries(BENCHES)) {
  if (!wanted || wanted === bench) await run();
}

export {};
