// Russian stems by the Snowball algorithm — the same stems PostgreSQL's `russian` text search
// configuration gives, so a word the classifier weighs is the word the registry search finds.
import snowball from 'snowball-stemmers';

const russian = snowball.newStemmer('russian');

// Appeals repeat a few thousand words; stemming each once keeps classification fast. The cache is
// dropped whole when it grows past its limit, which a stream of rare words (names, typos) would do.
const CACHE_LIMIT = 200_000;
let cache = new Map<string, string>();

/** The stem of one lower-case word (with «е» for «ё»). */
export function stem(word: string): string {
  let result = cache.get(word);
  if (result === undefined) {
    result = /[а-я]/.test(word) ? russian.stem(word) : word;
    if (cache.size >= CACHE_LIMIT) cache = new Map();
    cache.set(word, result);
  }
  return result;
}
