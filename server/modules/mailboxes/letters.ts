// Reading one incoming letter: who wrote it, what it says, what it carries, and whether a person wrote
// it at all. Nothing here touches the database or logs the letter's content.
import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { checkFile, MAX_FILES, type CheckedFile } from '../../platform/files';
import { AppError } from '../../platform/errors';

export interface IncomingLetter {
  /** The Message-ID with angle brackets; a hash of the letter when the sender gave none. */
  messageId: string;
  /** The thread the letter belongs to, for the answer's References. */
  references: string[];
  /** Sent by a program (auto-reply, bounce, mailer-daemon): not an appeal. */
  automatic: boolean;
  email: string | null;
  author: { surname: string | null; name: string | null; patronymic: string | null; phone: string | null };
  subject: string;
  text: string;
  files: CheckedFile[];
  /** Attachments not taken, with the reason in Russian (the e-reception's checks). */
  rejected: { filename: string; reason: string }[];
}

const MACHINE_SENDERS = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+@]|$)/i;
const NAME_WORD = /^[А-ЯЁA-Z][а-яёa-z]+(?:-[А-ЯЁA-Z][а-яёa-z]+)?$/u;
const PHONE = /(?:\+7|\b8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}\b/;

function header(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name);
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text); // address headers
  if (typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
  return String(value);
}

/** RFC 3834 and the usual vendor headers; multipart/report is a delivery or read report. */
export function isAutomatic(mail: ParsedMail, fromAddress: string | null): boolean {
  const auto = header(mail, 'auto-submitted').trim().toLowerCase();
  if (auto && auto !== 'no') return true;
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond') || mail.headers.has('x-auto-response-suppress') && /all|oof|autoreply/i.test(header(mail, 'x-auto-response-suppress'))) return true;
  if (/^(bulk|junk|list|auto_reply)$/i.test(header(mail, 'precedence').trim())) return true;
  if (/multipart\/report/i.test(header(mail, 'content-type'))) return true;
  const returnPath = header(mail, 'return-path').trim();
  if (mail.headers.has('return-path') && /^<?\s*>?$/.test(returnPath)) return true;
  if (!fromAddress || MACHINE_SENDERS.test(fromAddress)) return true;
  return false;
}

function fromOf(mail: ParsedMail): { address: string | null; name: string } {
  const from = (Array.isArray(mail.from) ? mail.from[0] : mail.from) as AddressObject | undefined;
  const first = from?.value?.[0];
  return { address: first?.address?.trim().toLowerCase() || null, name: (first?.name ?? '').trim() };
}

/** «Иванов Иван Иванович» → its parts, or null when it does not read as a person's name. */
export function parseFullName(value: string): { surname: string; name: string; patronymic: string | null } | null {
  const words = value.replace(/[«»"',.]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 3 || !words.every((w) => NAME_WORD.test(w))) return null;
  return { surname: words[0], name: words[1], patronymic: words[2] ?? null };
}

/** The signature: what follows «-- » or a closing such as «С уважением,». */
export function signatureOf(text: string): string[] {
  const lines = text.replace(/\r/g, '').split('\n');
  let start = lines.findIndex((l) => l === '-- ' || l === '--');
  if (start < 0) start = lines.findIndex((l) => /^\s*(с уважением|с наилучшими пожеланиями|спасибо)[,!.]?\s*$/i.test(l));
  if (start < 0) return [];
  return lines.slice(start + 1, start + 6).map((l) => l.trim()).filter(Boolean);
}

/** The body without the signature delimiter's tail and without quoted earlier letters. */
function bodyOf(text: string): string {
  const lines = text.replace(/\r/g, '').split('\n');
  const cut = lines.findIndex((l) => l === '-- ');
  return (cut >= 0 ? lines.slice(0, cut) : lines).filter((l) => !l.startsWith('>')).join('\n').trim();
}

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6])>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

function messageIdOf(mail: ParsedMail, source: Buffer): string {
  const id = mail.messageId?.trim();
  if (id && id.length <= 900) return id.startsWith('<') ? id : `<${id}>`;
  return `<sha256.${createHash('sha256').update(source).digest('hex')}@otklik.local>`;
}

export async function readLetter(source: Buffer): Promise<IncomingLetter> {
  const mail = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true });
  const from = fromOf(mail);
  const automatic = isAutomatic(mail, from.address);
  const plain = mail.text?.trim() ? mail.text : typeof mail.html === 'string' ? htmlToText(mail.html) : '';
  const signature = signatureOf(plain);
  const named = parseFullName(from.name) ?? signature.map(parseFullName).find(Boolean) ?? null;
  const phone = signature.map((l) => PHONE.exec(l)?.[0] ?? null).find(Boolean) ?? null;
  const files: CheckedFile[] = [];
  const rejected: IncomingLetter['rejected'] = [];
  for (const a of mail.attachments) {
    const filename = a.filename || 'вложение';
    if (a.related && !a.filename) continue; // pictures inside an HTML letter
    if (files.length >= MAX_FILES) {
      rejected.push({ filename, reason: `к обращению прикладывается не более ${MAX_FILES} файлов` });
      continue;
    }
    try {
      files.push(await checkFile(filename, a.content));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      rejected.push({ filename, reason: error.message });
    }
  }
  const refs = typeof mail.references === 'string' ? [mail.references] : mail.references ?? [];
  return {
    messageId: messageIdOf(mail, source),
    references: refs.filter((r) => r.length <= 900),
    automatic,
    email: from.address,
    author: { surname: named?.surname ?? null, name: named?.name ?? null, patronymic: named?.patronymic ?? null, phone },
    subject: (mail.subject ?? '').replace(/\s+/g, ' ').trim(),
    text: bodyOf(plain),
    files,
    rejected,
  };
}

/** The appeal's text: the subject, the body, and a note of the attachments not taken. */
export function appealText(letter: IncomingLetter): string {
  const parts = [];
  if (letter.subject) parts.push(`Тема письма: ${letter.subject}`);
  parts.push(letter.text || '(письмо без текста)');
  if (letter.rejected.length) parts.push(`Не приняты вложения:\n${letter.rejected.map((r) => `— ${r.filename}: ${r.reason}`).join('\n')}`);
  return parts.join('\n\n').slice(0, 20000);
}
