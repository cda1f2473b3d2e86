// The author block of the staff registration form: a person, an anonymous author, a legal entity,
// or a collective appeal with the number of signatories.
import { Select, TextArea, TextInput } from '@gravity-ui/uikit';
import type { Appeal } from '../api';
import { useI18n } from '../i18n';
import { Field, TextField, fieldErrorOf } from './form';

export type AuthorKind = Appeal['author']['kind'];
const AUTHOR_KINDS: AuthorKind[] = ['person', 'anonymous', 'legal_entity', 'collective'];

export interface AuthorValues {
  kind: AuthorKind;
  surname: string;
  name: string;
  patronymic: string;
  organization: string;
  inn: string;
  signatories: string;
  /** The other signatories of a collective appeal, one «Фамилия Имя Отчество» per line. */
  signers: string;
  email: string;
  phone: string;
  postalAddress: string;
}

export const EMPTY_AUTHOR: AuthorValues = {
  kind: 'person', surname: '', name: '', patronymic: '', organization: '', inn: '', signatories: '', signers: '', email: '', phone: '', postalAddress: '',
};

/** «Фамилия Имя Отчество» per line → the signatories as the API takes them. */
function signersOf(lines: string) {
  const list = lines.split('\n').map((l) => l.trim().split(/\s+/)).filter((w) => w[0]).map(([surname, name = '', ...rest]) => ({ surname, name, ...(rest.length ? { patronymic: rest.join(' ') } : {}) }));
  return list.length ? list : undefined;
}

/** The author as the API takes it: only the fields of the chosen kind, empty ones left out. */
export function authorPayload(a: AuthorValues) {
  if (a.kind === 'anonymous') return { kind: a.kind };
  const text = (v: string) => v.trim() || undefined;
  return {
    kind: a.kind,
    surname: text(a.surname),
    name: text(a.name),
    patronymic: text(a.patronymic),
    organization: a.kind === 'legal_entity' ? text(a.organization) : undefined,
    inn: a.kind === 'legal_entity' ? text(a.inn) : undefined,
    signatories: a.kind === 'collective' && /^\d+$/.test(a.signatories.trim()) ? Number(a.signatories.trim()) : undefined,
    signers: a.kind === 'collective' ? signersOf(a.signers) : undefined,
    email: text(a.email),
    phone: text(a.phone),
    postalAddress: text(a.postalAddress),
  };
}

interface AuthorFieldsProps {
  value: AuthorValues;
  onChange(value: AuthorValues): void;
  error: unknown;
}

export function AuthorFields({ value, onChange, error }: AuthorFieldsProps) {
  const { t } = useI18n();
  const f = t.appeals.form;
  const set = (key: keyof AuthorValues) => (v: string) => onChange({ ...value, [key]: v });
  // The server names author fields `author.surname` etc.; plain names are accepted too.
  const err = (key: string) => fieldErrorOf(error, `author.${key}`) ?? fieldErrorOf(error, key);
  const text = (key: keyof AuthorValues, label: string, type: 'text' | 'email' | 'tel' = 'text', autoComplete?: string) => {
    const message = err(key);
    return (
      <Field label={label} error={message} qa={`field-author-${key}`}>
        <TextInput
          name={`author.${key}`} value={value[key]} onUpdate={set(key)} type={type} autoComplete={autoComplete}
          controlProps={{ 'aria-label': label }} validationState={message ? 'invalid' : undefined} errorMessage={message}
        />
      </Field>
    );
  };
  const personLabel = value.kind === 'legal_entity' ? f.contactPerson : value.kind === 'collective' ? f.firstSignatory : null;

  return (
    <fieldset className="form-section" data-qa="author-fields">
      <legend className="form-section__title">{f.author}</legend>
      <Field label={f.authorKind} qa="field-author-kind">
        <Select
          width="max" value={[value.kind]} onUpdate={([v]) => onChange({ ...value, kind: (v ?? 'person') as AuthorKind })} aria-label={f.authorKind} qa="select-author-kind"
          options={AUTHOR_KINDS.map((k) => ({ value: k, content: t.appeals.authorKinds[k] }))}
        />
      </Field>
      {value.kind === 'legal_entity' && (
        <div className="form-row">
          <TextField label={f.organization} name="author.organization" value={value.organization} onUpdate={set('organization')} error={error} />
          <TextField label={f.inn} name="author.inn" value={value.inn} onUpdate={set('inn')} error={error} placeholder="10 цифр" />
        </div>
      )}
      {value.kind === 'collective' && (
        <>
          <TextField label={f.signatories} name="author.signatories" value={value.signatories} onUpdate={set('signatories')} error={error} placeholder="2" />
          <Field label={f.signersList} error={err('signers')} qa="field-author-signers">
            <TextArea name="author.signers" value={value.signers} onUpdate={set('signers')} minRows={3} controlProps={{ 'aria-label': f.signersList }} />
          </Field>
        </>
      )}
      {value.kind !== 'anonymous' && (
        <>
          {personLabel && <div className="form-section__subtitle">{personLabel}</div>}
          <div className="form-row">
            {text('surname', f.surname)}
            {text('name', f.name)}
            {text('patronymic', f.patronymic)}
          </div>
          <div className="form-row">
            {text('email', f.email, 'email')}
            {text('phone', f.phone, 'tel')}
          </div>
          {text('postalAddress', f.postalAddress)}
        </>
      )}
    </fieldset>
  );
}
