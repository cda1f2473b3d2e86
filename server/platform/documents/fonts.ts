// PT Serif (ParaType, SIL Open Font License 1.1), read from its npm package: a serif face made for
// Russian public documents, with full Cyrillic.
import { createRequire } from 'node:module';
import fs from 'node:fs';

const require = createRequire(import.meta.url);
const PACKAGE = '@expo-google-fonts/pt-serif';

export const FONT_FAMILY = 'PT Serif';

export const FONT_FILES = {
  regular: require.resolve(`${PACKAGE}/400Regular/PTSerif_400Regular.ttf`),
  bold: require.resolve(`${PACKAGE}/700Bold/PTSerif_700Bold.ttf`),
  italic: require.resolve(`${PACKAGE}/400Regular_Italic/PTSerif_400Regular_Italic.ttf`),
} as const;

export type FontFace = keyof typeof FONT_FILES;

const cache = new Map<FontFace, Buffer>();

export function fontData(face: FontFace): Buffer {
  let data = cache.get(face);
  if (!data) {
    data = fs.readFileSync(FONT_FILES[face]);
    cache.set(face, data);
  }
  return data;
}
