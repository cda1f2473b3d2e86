// Every topic the generator writes about, by classifier code.
import { CITY } from './city';
import { HOUSING } from './housing';
import { OTHER } from './other';
import { SOCIAL } from './social';
import type { TopicTable } from './types';

export const TOPIC_PHRASES: TopicTable = { ...CITY, ...HOUSING, ...SOCIAL, ...OTHER };
