// A date (or date and time) field that reads and writes дд.мм.гггг [чч:мм] whatever the browser's locale.
// Its value is the same as a native input's: `2026-03-05` or `2026-03-05T14:02`, empty when cleared.
import { useEffect, useState } from 'react';
import { TextInput } from '@gravity-ui/uikit';

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-03-05` → `05.03.2026`; `2026-03-05T14:02` → `05.03.2026 14:02`. */
export function displayDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return '';
  return `${m[3]}.${m[2]}.${m[1]}${m[4] ? ` ${m[4]}:${m[5]}` : ''}`;
}

/** The typed text as a value, `null` while it is not a real date (31.02 is not). */
export function parseDate(text: string, withTime: boolean): string | null {
  const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[\s,]+(\d{1,2}):(\d{2}))?\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  if (!withTime) return m[4] === undefined ? iso : null;
  const [hours, minutes] = [Number(m[4] ?? 0), Number(m[5] ?? 0)];
  if (hours > 23 || minutes > 59) return null;
  return `${iso}T${pad(hours)}:${pad(minutes)}`;
}

/** Dots (and the space and colon of the time) appear as the digits are typed. */
function shape(typed: string, withTime: boolean): string {
  const digits = typed.replace(/\D/g, '').slice(0, withTime ? 12 : 8);
  let out = '';
  for (let i = 0; i < digits.length; i += 1) {
    if (i === 2 || i === 4) out += '.';
    if (i === 8) out += ' ';
    if (i === 10) out += ':';
    out += digits[i];
  }
  return out;
}

interface DateInputProps {
  value: string;
  onUpdate(value: string): void;
  /** Date and time (дд.мм.гггг чч:мм) instead of a date. */
  withTime?: boolean;
  label: string;
  min?: string;
  max?: string;
  error?: string;
  name?: string;
  size?: 's' | 'm' | 'l' | 'xl';
  width?: number;
  qa?: string;
}

export function DateInput({ value, onUpdate, withTime = false, label, min, max, error, name, size = 'm', width, qa }: DateInputProps) {
  const [text, setText] = useState(() => displayDate(value));
  const [touched, setTouched] = useState(false);

  // A value set from outside (a reset, a default) replaces what is shown.
  useEffect(() => {
    setText((current) => (parseDate(current, withTime) === value || (current === '' && value === '') ? current : displayDate(value)));
  }, [value, withTime]);

  const parsed = parseDate(text, withTime);
  const outOfRange = parsed !== null && ((min && parsed < min) || (max && parsed > max));
  const invalid = touched && text !== '' && (parsed === null || outOfRange);
  const placeholder = withTime ? 'дд.мм.гггг чч:мм' : 'дд.мм.гггг';

  const update = (typed: string) => {
    const next = typed.length < text.length ? typed : shape(typed, withTime);
    setText(next);
    if (next === '') onUpdate('');
    const v = parseDate(next, withTime);
    if (v !== null) onUpdate(v);
  };

  return (
    <span style={width ? { width, display: 'inline-block' } : undefined}>
      <TextInput
        value={text} onUpdate={update} onBlur={() => setTouched(true)} placeholder={placeholder} size={size} name={name} qa={qa}
        controlProps={{ 'aria-label': label, inputMode: 'numeric', 'aria-invalid': invalid || !!error }}
        validationState={invalid || error ? 'invalid' : undefined}
        errorMessage={error ?? (invalid ? (parsed === null ? `Введите дату как ${placeholder}` : 'Дата вне допустимого диапазона') : undefined)}
        hasClear
      />
    </span>
  );
}

/** Minutes the zone is ahead of UTC at a moment. */
function offsetMinutes(timeZone: string, at: number): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((wall - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/** A field's `2026-03-05T14:02` read on the clock of the zone, as an ISO instant. */
export function zonedToIso(value: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  let at = wall - offsetMinutes(timeZone, wall) * 60_000;
  at = wall - offsetMinutes(timeZone, at) * 60_000;
  return new Date(at).toISOString();
}

/** A moment as a field's value on the clock of the zone: `2026-03-05T14:02`. */
export function isoToZoned(at: Date, timeZone: string): string {
  const local = new Date(at.getTime() + offsetMinutes(timeZone, at.getTime()) * 60_000);
  return local.toISOString().slice(0, 16);
}
