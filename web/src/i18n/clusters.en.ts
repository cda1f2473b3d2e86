// English strings of the problem clusters page, in the shape of clusters.ru.ts.
import type { clustersRu } from './clusters.ru';
import type { Widen } from './ru';

export const clustersEn: Widen<typeof clustersRu> = {
  title: 'Problems',
  lead: 'Appeals of different authors about one problem at one place. Growth is how many appeals came in the 7 days before the end of the period.',
  from: 'With appeals since',
  to: 'Started by',
  sort: 'Order',
  bySize: 'By number of appeals',
  byGrowth: 'By growth',
  problem: 'Problem and place',
  topic: 'Topic',
  municipality: 'Municipality',
  place: 'Address',
  size: 'Appeals',
  growth: 'Growth in 7 days',
  period: 'Period',
  appeals: 'Appeals of the cluster',
  open: 'Show appeals',
  hide: 'Hide appeals',
  inRegistry: 'Open in the registry',
  empty: 'No clusters in the period',
  number: 'Number',
  received: 'Received',
  excerpt: 'Text',
};
