// Who sends an appeal: a person, a legal entity (its name, ИНН if given, the person who signs) or a group of
// people (a collective appeal with its signatories). Pure checks shared by the server and the forms.

export interface Signer {
  surname: string;
  name: string;
  patronymic?: string | null;
  postalAddress?: string | null;
}

export interface AuthorFacts {
  kind?: 'person' | 'anonymous' | 'legal_entity' | 'collective';
  surname?: string | null;
  name?: string | null;
  organization?: string | null;
  inn?: string | null;
  signatories?: number | null;
  signers?: Signer[] | null;
}

export type AuthorProblem =
  | 'organization_required' | 'inn_invalid' | 'inn_only_for_organization' | 'signer_required'
  | 'signers_only_for_collective' | 'signatories_too_few' | 'signer_name_required';

export const AUTHOR_PROBLEM_LABELS: Record<AuthorProblem, string> = {
  organization_required: 'Укажите наименование организации',
  inn_invalid: 'ИНН не проходит проверку: 10 цифр у организации, 12 — у индивидуального предпринимателя; проверьте контрольные цифры',
  inn_only_for_organization: 'ИНН указывается только для обращения организации',
  signer_required: 'Укажите фамилию и имя того, кто подписывает обращение',
  signers_only_for_collective: 'Список подписавших — только у коллективного обращения',
  signatories_too_few: 'Под коллективным обращением не меньше двух подписей',
  signer_name_required: 'Укажите фамилию и имя каждого подписавшего',
};

const WEIGHTS_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function control(digits: number[], weights: number[]): number {
  return (weights.reduce((sum, w, i) => sum + w * digits[i], 0) % 11) % 10;
}

/** Whether an ИНН is valid: 10 digits (organisation) or 12 (entrepreneur), with its control digits. */
export function isValidInn(inn: string): boolean {
  if (!/^\d{10}$|^\d{12}$/.test(inn)) return false;
  const d = [...inn].map(Number);
  if (d.length === 10) return control(d, WEIGHTS_10) === d[9];
  return control(d, WEIGHTS_11) === d[10] && control(d, WEIGHTS_12) === d[11];
}

const filled = (v: string | null | undefined) => !!v && v.trim().length > 0;

/** The problems of an author block, by field (`organization`, `inn`, `surname`, `signers`, `signatories`). */
export function checkAuthor(a: AuthorFacts): { field: string; problem: AuthorProblem }[] {
  const problems: { field: string; problem: AuthorProblem }[] = [];
  const kind = a.kind ?? 'person';
  const inn = a.inn?.trim();
  if (inn) {
    if (kind !== 'legal_entity') problems.push({ field: 'inn', problem: 'inn_only_for_organization' });
    else if (!isValidInn(inn)) problems.push({ field: 'inn', problem: 'inn_invalid' });
  }
  if (kind === 'legal_entity') {
    if (!filled(a.organization)) problems.push({ field: 'organization', problem: 'organization_required' });
    if (!filled(a.surname) || !filled(a.name)) problems.push({ field: 'surname', problem: 'signer_required' });
  }
  const signers = a.signers ?? [];
  if (signers.length > 0 && kind !== 'collective') problems.push({ field: 'signers', problem: 'signers_only_for_collective' });
  if (kind === 'collective') {
    if (!filled(a.surname) || !filled(a.name)) problems.push({ field: 'surname', problem: 'signer_required' });
    signers.forEach((s, i) => {
      if (!filled(s.surname) || !filled(s.name)) problems.push({ field: `signers.${i}`, problem: 'signer_name_required' });
    });
    if (signers.length === 0 && (a.signatories ?? 0) < 2) problems.push({ field: 'signers', problem: 'signatories_too_few' });
  }
  return problems;
}

/** The number of signatures of a collective appeal: the one stated, or the first signatory and the list, whichever is more. */
export function signatoriesOf(a: AuthorFacts): number | null {
  if ((a.kind ?? 'person') !== 'collective') return null;
  return Math.max(a.signatories ?? 0, (a.signers?.length ?? 0) + 1);
}
