// The text classifier against the shipped keywords, on real labelled appeals of another region when
// they are present next to the project (../shared/data/appeals-perm; they are never copied into it).
// Both are measured in this run on the same texts: operational groups by the keyword matcher, and
// the learnt model by 5-fold cross-validation on the same groups and on the data set's own labels.
//
//   npm run bench -- text
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import permMapping from '../data/topics/perm-mapping.json' with { type: 'json' };
import { DEFAULT_CLASSIFIER, findTopic, suggestTopics } from '../domain/topics';
import { readLabelledCsv } from '../server/text/cli';
import { crossValidate, type LabelledText } from '../server/text/evaluate';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// Next to the project, or next to the folder of its worktrees; BENCH_TEXT_DATA names another folder.
const DATA = process.env.BENCH_TEXT_DATA
  ?? [path.resolve(ROOT, '..', 'shared', 'data', 'appeals-perm'), path.resolve(ROOT, '..', '..', 'shared', 'data', 'appeals-perm')].find((dir) => fs.existsSync(dir))
  ?? path.resolve(ROOT, '..', 'shared', 'data', 'appeals-perm');
const TEXT = 'Текст инцидента';

if (!fs.existsSync(DATA)) {
  console.log(`text: пропущено — нет размеченных обращений в ${DATA}`);
} else {
  const files = fs.readdirSync(DATA).filter((f) => f.endsWith('.csv')).sort();
  const byGroup: LabelledText[] = [];
  const byOurGroup: LabelledText[] = [];
  const groupOfTheme = new Map(permMapping.themes.map((t) => [`${t.group}\u0000${t.theme}`, findTopic(t.topicCode, DEFAULT_CLASSIFIER)?.group]));
  for (const file of files) {
    const groups = readLabelledCsv(path.join(DATA, file), TEXT, 'Группа тем');
    const themes = readLabelledCsv(path.join(DATA, file), TEXT, 'Тема');
    byGroup.push(...groups);
    groups.forEach((row, i) => {
      const ours = groupOfTheme.get(`${row.label}\u0000${themes[i]?.label}`);
      if (ours && themes[i]?.text === row.text) byOurGroup.push({ text: row.text, label: ours });
    });
  }

  // Keywords: groups ranked by their topics' keyword evidence, as suggestGroup does, and whether the right group is among the first three.
  let started = performance.now();
  let right = 0;
  let top3 = 0;
  for (const row of byOurGroup) {
    const scores = new Map<string, number>();
    for (const s of suggestTopics(row.text, DEFAULT_CLASSIFIER, Number.POSITIVE_INFINITY)) scores.set(s.group, (scores.get(s.group) ?? 0) + s.score);
    const groups = [...scores].sort((a, b) => b[1] - a[1]).map(([group]) => group);
    if (groups[0] === row.label) right++;
    if (groups.slice(0, 3).includes(row.label)) top3++;
  }
  const keywordSpeed = Math.round(byOurGroup.length / ((performance.now() - started) / 1000));
  started = performance.now();
  const model = crossValidate(byOurGroup, 5);
  const own = crossValidate(byGroup, 5);
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  console.log(`text: ${byGroup.length} размеченных обращений (${files.join(', ')}), оперативных групп Отклика: ${model.labels}, групп набора: ${own.labels}`);
  console.log(`  ключевые слова:   группа ${pct(right / byOurGroup.length)}, первые три ${pct(top3 / byOurGroup.length)}, ${keywordSpeed} текстов/с`);
  console.log(`  модель (5 частей): группа ${pct(model.accuracy)}, первые три ${pct(model.top3)}, macroF1 ${model.macroF1}, ${model.textsPerSecond} текстов/с, обучение ${model.trainSeconds} с`);
  console.log(`  модель / ключевые слова: ${(model.accuracy / (right / byOurGroup.length)).toFixed(2)}× по точности`);
  console.log(`  модель на метках набора: точность ${pct(own.accuracy)}, первые три ${pct(own.top3)}, macroF1 ${own.macroF1}, покрытие ${pct(own.coverage)}`);
  console.log(`  всего ${((performance.now() - started) / 1000).toFixed(0)} с`);
}

export {};
