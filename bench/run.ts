// Runs one benchmark by name (`npm run bench -- fuzz`), or every benchmark of the project in turn.
const BENCHES: Record<string, () => Promise<unknown>> = {
  calendar: () => import('./calendar'),
  appeals: () => import('./appeals'),
  fuzz: () => import('./fuzz'),
  text: () => import('./text'),
  analytics: () => import('./analytics'),
};

const wanted = process.argv[2];
if (wanted && !BENCHES[wanted]) {
  console.error(`Нет такого замера: ${wanted}. Есть: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
for (const [bench, run] of Object.entries(BENCHES)) {
  if (!wanted || wanted === bench) await run();
}

export {};
