import { describe, expect, it } from 'vitest';
import { matchPublication, municipalityStems } from './match';

const beloyarsky = municipalityStems(['Белоярский городской округ', 'Белоярский ГО']);

describe('a publication concerns the municipality', () => {
  it.each([
    ['names it in another case', 'В Белоярском округе открыли новую школу', [], { mentionsMunicipality: true, keywords: [], relevant: true }],
    ['names a keyword in another form', 'На улицах посёлка снова нет освещения и дороги разбиты', ['дорога', 'освещение'], { mentionsMunicipality: false, keywords: ['дорога', 'освещение'], relevant: true }],
    ['a keyword phrase needs all its words', 'Вывоз мусора перенесли', ['вывоз снега'], { keywords: [], relevant: false }],
    ['neither, and calm', 'В Екатеринбурге прошёл фестиваль', ['мусор'], { mentionsMunicipality: false, keywords: [], relevant: false }],
    ['reads as negative', 'Это безобразие и беспредел, сколько можно терпеть', [], { mentionsMunicipality: false, tone: 'negative', relevant: true }],
  ])('%s', (_name, text, keywords, expected) => {
    expect(matchPublication(text, beloyarsky, keywords)).toMatchObject(expected);
  });

  it('leaves out the generic words of the name', () => {
    expect(municipalityStems(['Белоярский городской округ'])).toEqual([['белоярск']]);
    expect(matchPublication('Городской округ провёл собрание', beloyarsky, []).mentionsMunicipality).toBe(false);
  });
});
