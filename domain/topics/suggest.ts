// Rule-based topic hints from the classifier's keywords: a registering clerk sees the likely topics
// of an appeal before choosing one. Returns topics ranked by the keywords found in the text.
import type { TopicClassifier } from './index';

export interface TopicSuggestion {
  code: string;
  group: string;
  score: number;
  /** The keywords found, as written in the classifier. */
  matched: string[];
}

interface CompiledKeyword {
  source: string;
  stems: string[];
  /** For each stem, whether it matches every word that begins with it or only itself. */
  prefix: boolean[];
  weight: number;
}

interface CompiledTopic {
  code: string;
  group: string;
  keywords: CompiledKeyword[];
}

const WORD = /[a-zа-я0-9]+(?:[-/][a-zа-я0-9]+)*/g;

/** Lower case, «ё» as «е», and the words of the text in order. */
export function words(text: string): string[] {
  return text.toLowerCase().replace(/ё/g, 'е').match(WORD) ?? [];
}

// Prepositions and particles inside a phrase («вода в подвал», «нет вод») are whole words.
const FUNCTION_WORDS = new Set(['а', 'без', 'в', 'во', 'для', 'до', 'за', 'и', 'из', 'к', 'ко', 'на', 'не', 'нет', 'ни', 'о', 'об', 'от', 'по', 'при', 'с', 'со', 'у']);

// A stem matches every word that begins with it («отоплен» — «отопление», «отоплением»). Alone, a
// stem of up to three letters is an abbreviation («УК», «ТКО», «СВО») and must be the whole word;
// inside a phrase it is a short stem («горяч вод», «нов фонар») unless it is a preposition or particle.
function isPrefix(stem: string, inPhrase: boolean): boolean {
  return stem.length > 3 || (inPhrase && !FUNCTION_WORDS.has(stem));
}

const compiled = new WeakMap<TopicClassifier, CompiledTopic[]>();

function compile(classifier: TopicClassifier): CompiledTopic[] {
  let topics = compiled.get(classifier);
  if (!topics) {
    topics = classifier.topics.map((topic) => ({
      code: topic.code,
      group: topic.group,
      keywords: topic.keywords
        .map((source) => {
          const stems = words(source);
          const prefix = stems.map((stem) => isPrefix(stem, stems.length > 1));
          // Longer stems and phrases say more about the topic than a short common stem.
          const weight = stems.length + stems.reduce((sum, stem) => sum + Math.min(stem.length, 8), 0) / 8;
          return { source, stems, prefix, weight };
        })
        .filter((keyword) => keyword.stems.length > 0)
        .sort((a, b) => b.weight - a.weight),
    }));
    compiled.set(classifier, topics);
  }
  return topics;
}

/** Positions of the text's words by their first two letters: a keyword is tried only where its first word could be. */
function positionsByStart(tokens: string[]): Map<string, number[]> {
  const result = new Map<string, number[]>();
  tokens.forEach((token, i) => {
    const key = token.slice(0, 2);
    const list = result.get(key);
    if (list) list.push(i);
    else result.set(key, [i]);
  });
  return result;
}

const NO_POSITIONS: number[] = [];

/** Start positions of the keyword's occurrences in the text. */
function occurrences({ stems, prefix }: CompiledKeyword, tokens: string[], byStart: Map<string, number[]>): number[] {
  const starts: number[] = [];
  // A first stem of two letters or more can only start a word with the same two letters.
  const candidates = stems[0].length >= 2 ? byStart.get(stems[0].slice(0, 2)) ?? NO_POSITIONS : tokens.map((_, i) => i);
  outer: for (const i of candidates) {
    if (i + stems.length > tokens.length) continue;
    for (let j = 0; j < stems.length; j++) {
      const word = tokens[i + j];
      if (prefix[j] ? !word.startsWith(stems[j]) : word !== stems[j]) continue outer;
    }
    starts.push(i);
  }
  return starts;
}

/** Topics whose keywords occur in the text, best first; at most `limit` of them. */
export function suggestTopics(text: string, classifier: TopicClassifier, limit = 5): TopicSuggestion[] {
  const tokens = words(text);
  const byStart = positionsByStart(tokens);
  const result: TopicSuggestion[] = [];
  for (const topic of compile(classifier)) {
    let score = 0;
    const matched: string[] = [];
    // A word counts once per topic: «уборка снега» and «снег» found in the same place score as
    // the phrase alone, the strongest keyword first.
    const used = new Set<number>();
    for (const keyword of topic.keywords) {
      const start = occurrences(keyword, tokens, byStart).find((i) => keyword.stems.every((_, j) => !used.has(i + j)));
      if (start === undefined) continue;
      keyword.stems.forEach((_, j) => used.add(start + j));
      score += keyword.weight;
      matched.push(keyword.source);
    }
    if (score > 0) result.push({ code: topic.code, group: topic.group, score, matched });
  }
  result.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  return result.slice(0, limit);
}

/** The operational group with the most keyword evidence across its topics, or null when none matched. */
export function suggestGroup(text: string, classifier: TopicClassifier): string | null {
  const byGroup = new Map<string, number>();
  for (const suggestion of suggestTopics(text, classifier, Number.POSITIVE_INFINITY)) {
    byGroup.set(suggestion.group, (byGroup.get(suggestion.group) ?? 0) + suggestion.score);
  }
  let best: string | null = null;
  let bestScore = 0;
  for (const [group, score] of byGroup) {
    if (score > bestScore) {
      best = group;
      bestScore = score;
    }
  }
  return best;
}
