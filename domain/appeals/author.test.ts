import { describe, expect, it } from 'vitest';
import { checkAuthor, isValidInn, signatoriesOf } from './author';

describe('ИНН', () => {
  it.each([
    ['7707083893', true], // ПАО Сбербанк
    ['6658021579', true],
    ['7707083894', false],
    ['500100732259', true], // an entrepreneur
    ['500100732250', false],
    ['12345', false],
    ['77070838931', false],
    ['770708389a', false],
  ])('%s valid: %s', (inn, valid) => expect(isValidInn(inn)).toBe(valid));
});

describe('author block', () => {
  it.each([
    [{ kind: 'person' as const, surname: 'Иванов', name: 'Пётр' }, []],
    [{ kind: 'legal_entity' as const, organization: 'ООО «Ромашка»', inn: '7707083893', surname: 'Петров', name: 'Иван' }, []],
    [{ kind: 'legal_entity' as const, organization: 'ООО «Ромашка»', surname: 'Петров', name: 'Иван' }, []],
    [{ kind: 'legal_entity' as const, organization: '', inn: '7707083894' }, ['inn:inn_invalid', 'organization:organization_required', 'surname:signer_required']],
    [{ kind: 'person' as const, surname: 'Иванов', name: 'Пётр', inn: '7707083893' }, ['inn:inn_only_for_organization']],
    [{ kind: 'collective' as const, surname: 'Иванов', name: 'Пётр', signers: [{ surname: 'Сидорова', name: 'Анна' }] }, []],
    [{ kind: 'collective' as const, surname: 'Иванов', name: 'Пётр', signatories: 40 }, []],
    [{ kind: 'collective' as const, surname: 'Иванов', name: 'Пётр' }, ['signers:signatories_too_few']],
    [{ kind: 'collective' as const, surname: 'Иванов', name: 'Пётр', signers: [{ surname: '', name: 'Анна' }] }, ['signers.0:signer_name_required']],
    [{ kind: 'person' as const, surname: 'Иванов', name: 'Пётр', signers: [{ surname: 'Сидорова', name: 'Анна' }] }, ['signers:signers_only_for_collective']],
  ])('%o → %o', (author, expected) => {
    expect(checkAuthor(author).map((p) => `${p.field}:${p.problem}`)).toEqual(expected);
  });

  it('counts the signatures of a collective appeal', () => {
    expect(signatoriesOf({ kind: 'collective', signers: [{ surname: 'А', name: 'Б' }, { surname: 'В', name: 'Г' }] })).toBe(3);
    expect(signatoriesOf({ kind: 'collective', signatories: 120, signers: [{ surname: 'А', name: 'Б' }] })).toBe(120);
    expect(signatoriesOf({ kind: 'person' })).toBeNull();
  });
});
