import { describe, expect, it } from 'vitest';
import { checkLanguage } from './tone';

describe('obscenity, threats and tone', () => {
  it('finds obscene words without taking ordinary words that contain the same letters', () => {
    expect(checkLanguage('бля, опять яма, заебали').obscene).toEqual(['бля', 'заебали']);
    expect(checkLanguage('Вебинар для себя и тебя: хлебобулочные изделия, употреблять, страховка, хулиган, мандарин, небо').obscene).toEqual([]);
  });
  it('finds threats in either word order', () => {
    expect(checkLanguage('Я вас убью, если не уберёте яму').threats).toEqual(['убью']);
    expect(checkLanguage('голову вам оторву за такую дорогу').threats).toEqual(['голову вам оторву']);
    expect(checkLanguage('Подожгу вашу контору').threats).toEqual(['подожгу']);
    expect(checkLanguage('Прошу убрать сгоревший сарай').threats).toEqual([]);
  });
  it('reads the tone: insults are aggressive, indignation and shouting negative, a request neutral', () => {
    expect(checkLanguage('Вы все идиоты и бездельники').tone).toBe('aggressive');
    expect(checkLanguage('Это безобразие и беспредел, позор администрации').tone).toBe('negative');
    expect(checkLanguage('НЕТ ВОДЫ УЖЕ ТРЕТЬЮ НЕДЕЛЮ КОГДА ЭТО ЗАКОНЧИТСЯ НАКОНЕЦ').tone).toBe('negative');
    expect(checkLanguage('Просим засыпать яму у школы, спасибо.').tone).toBe('neutral');
  });
});

describe('masking personal data', () => {
  it('masks e-mails, phones, flats and the author\'s names in their case forms', async () => {
    const { maskText, initials } = await import('./mask');
    expect(maskText('Пишет Иванова Ольга, кв. 15, тел. +7 (922) 123-45-67, почта olga@example.ru. У Ивановой нет воды.', ['Иванова', 'Ольга']))
      .toBe('Пишет *** ***, кв. ***, тел. ***, почта ***. У *** нет воды.');
    expect(maskText('Яма у дома 5 по ул. Мира')).toBe('Яма у дома 5 по ул. Мира');
    expect(initials(['Иванова', 'Ольга', null])).toBe('И. О.');
  });
});
