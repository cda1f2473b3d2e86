// The reference data an empty installation starts with: the shipped topic classifier.
import type { ReferenceDataLoader } from '../db/prepare';
import { seedTopics } from '../modules/topics/service';

export const REFERENCE_DATA: readonly ReferenceDataLoader[] = [(db) => seedTopics(db)];
