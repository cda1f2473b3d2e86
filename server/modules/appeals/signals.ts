// What the text pipeline reads of an appeal at intake: its author's keys, its place, obscene words, threats
// and tone, and whether it repeats an earlier appeal of the same author (59-ФЗ) or is a re-send of one.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db';
import { settings } from '../../db/schema';
import { authorKeys, sameAuthor, type AuthorFields } from '../../text/author';
import { placeOf, type Place } from '../../text/place';
import { problemSimilarity, SAME_PROBLEM_AT, signatureOf, stemOverlap } from '../../text/problem';
import { checkLanguage, type Tone } from '../../text/tone';
import * as repo from './repository';
import { cached } from '../../platform/cache';

export const TEXT_DETECTION_KEY = 'text_detection';

export interface TextDetection {
  /** An appeal of the same author on the same question within this many days is repeated. */
  repeatWindowDays: number;
  /** The same author with a near-identical text within this many minutes is a re-send, offered for merging. */
  resendMinutes: number;
  /** Appeals of one problem at one place join a cluster within this many days of each other. */
  clusterWindowDays: number;
}

export const DEFAULT_TEXT_DETECTION: TextDetection = { repeatWindowDays: 365, resendMinutes: 120, clusterWindowDays: 30 };

/** The detection settings, held in memory for a few seconds (every registration reads them). */
export function loadTextDetection(db: Executor): Promise<TextDetection> {
  return cached(db, TEXT_DETECTION_KEY, async () => {
    const [row] = await db.select().from(settings).where(eq(settings.key, TEXT_DETECTION_KEY)).limit(1);
    return { ...DEFAULT_TEXT_DETECTION, ...((row?.value as Partial<TextDetection> | undefined) ?? {}) };
  });
}

/** A re-send repeats this share of the stems of the earlier text. */
export const RESEND_OVERLAP = 0.85;

export interface IntakeSignals {
  authorKeys: string[];
  place: Place | null;
  language: { obscene: string[]; threats: string[] } | null;
  tone: Tone;
  repeatOf: { id: string; number: string } | null;
  resendOf: { id: string; number: string } | null;
}

/** Reads a new appeal before it is stored; the earlier appeals of its author come from the author-key index. */
export async function intakeSignals(
  tx: Executor, organizationId: string, author: AuthorFields, text: string, address: string | null, receivedAt: Date, detection: TextDetection,
): Promise<IntakeSignals> {
  const keys = authorKeys(author);
  const checked = checkLanguage(text);
  const signals: IntakeSignals = {
    authorKeys: keys, place: placeOf(address, text),
    language: checked.obscene.length || checked.threats.length ? { obscene: checked.obscene, threats: checked.threats } : null,
    tone: checked.tone, repeatOf: null, resendOf: null,
  };
  if (!keys.length) return signals;
  const since = new Date(receivedAt.getTime() - detection.repeatWindowDays * 86_400_000);
  const earlier = (await repo.authorCandidates(tx, organizationId, keys, since)).filter((c) => c.receivedAt.getTime() <= receivedAt.getTime());
  const signature = signatureOf(text);
  for (const c of earlier) {
    if (!sameAuthor(keys, c.authorKeys)) continue;
    const other = signatureOf(c.text);
    const minutes = (receivedAt.getTime() - c.receivedAt.getTime()) / 60_000;
    if (!signals.resendOf && minutes <= detection.resendMinutes && stemOverlap(signature.stems, other.stems) >= RESEND_OVERLAP) {
      signals.resendOf = { id: c.id, number: c.number };
    } else if (!signals.repeatOf && problemSimilarity(signature, other) >= SAME_PROBLEM_AT) {
      signals.repeatOf = { id: c.id, number: c.number };
    }
  }
  // A re-send is the same appeal sent twice, not a repeated one.
  if (signals.resendOf) signals.repeatOf = null;
  return signals;
}
