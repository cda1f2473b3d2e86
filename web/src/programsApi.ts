// The client of roadmaps, the plan of informing with residents' subscriptions, and poll results.
import type { Static } from 'typebox';
import type { CreateMeasure, CreateRoadmap, Roadmap as RoadmapSchema, RoadmapList, UpdateMeasure, UpdateRoadmap } from '../../server/modules/roadmaps/schema';
import type {
  CreatePublication, Publication as PublicationSchema, PublicationList, PublicInforming as PublicInformingSchema, Subscribers as SubscribersSchema,
  SubscribeAccepted, SubscribeBody, SubscriptionState as SubscriptionStateSchema, UpdatePublication,
} from '../../server/modules/informing/schema';
import type { CreatePoll, Poll as PollSchema, PollImportResult as PollImportResultSchema, PollList } from '../../server/modules/polls/schema';
import { request } from './api';

export type Roadmap = Static<typeof RoadmapSchema>;
export type RoadmapSummary = Static<typeof RoadmapList>['items'][number];
export type Measure = Roadmap['measures'][number];
export type Publication = Static<typeof PublicationSchema>;
export type PublicInforming = Static<typeof PublicInformingSchema>;
export type Subscribers = Static<typeof SubscribersSchema>;
export type SubscriptionState = Static<typeof SubscriptionStateSchema>;
export type Poll = Static<typeof PollSchema>;
export type PollImportResult = Static<typeof PollImportResultSchema>;
export type NewPoll = Static<typeof CreatePoll>;
export type NewRoadmap = Static<typeof CreateRoadmap>;

export const programsApi = {
  roadmaps: (municipality?: string) => request<Static<typeof RoadmapList>>('GET', '/api/roadmaps', { query: { municipality } }),
  roadmap: (id: string) => request<Roadmap>('GET', `/api/roadmaps/${id}`),
  createRoadmap: (body: NewRoadmap) => request<Roadmap>('POST', '/api/roadmaps', { body }),
  updateRoadmap: (id: string, body: Static<typeof UpdateRoadmap>) => request<Roadmap>('PATCH', `/api/roadmaps/${id}`, { body }),
  addMeasure: (id: string, body: Static<typeof CreateMeasure>) => request<Roadmap>('POST', `/api/roadmaps/${id}/measures`, { body }),
  updateMeasure: (id: string, measureId: string, body: Static<typeof UpdateMeasure>) => request<Roadmap>('PATCH', `/api/roadmaps/${id}/measures/${measureId}`, { body }),
  addEvidence: (id: string, measureId: string, form: FormData) => request<Roadmap>('POST', `/api/roadmaps/${id}/measures/${measureId}/evidence`, { body: form }),
  evidenceUrl: (id: string, measureId: string, fileId: string) => `/api/roadmaps/${id}/measures/${measureId}/evidence/${fileId}`,
  comment: (id: string, text: string) => request<Roadmap>('POST', `/api/roadmaps/${id}/comments`, { body: { text } }),

  publications: (query: { from: string; to: string; municipality?: string }) => request<Static<typeof PublicationList>>('GET', '/api/publications', { query }),
  createPublication: (body: Static<typeof CreatePublication>) => request<Publication>('POST', '/api/publications', { body }),
  updatePublication: (id: string, body: Static<typeof UpdatePublication>) => request<Publication>('PATCH', `/api/publications/${id}`, { body }),
  subscribers: (municipality?: string) => request<Subscribers>('GET', '/api/informing/subscribers', { query: { municipality } }),

  publicInforming: (slug: string) => request<PublicInforming>('GET', `/api/public/informing/${encodeURIComponent(slug)}`),
  subscribe: (body: Static<typeof SubscribeBody>) => request<Static<typeof SubscribeAccepted>>('POST', '/api/public/subscriptions', { body }),
  confirm: (token: string) => request<SubscriptionState>('POST', '/api/public/subscriptions/confirm', { body: { token } }),
  unsubscribe: (token: string) => request<SubscriptionState>('POST', '/api/public/subscriptions/unsubscribe', { body: { token } }),

  polls: (query: { municipality?: string; topic?: string }) => request<Static<typeof PollList>>('GET', '/api/polls', { query }),
  createPoll: (body: NewPoll) => request<Poll>('POST', '/api/polls', { body }),
  importPolls: (form: FormData) => request<PollImportResult>('POST', '/api/polls/import', { body: form }),
  deletePoll: (id: string) => request<null>('DELETE', `/api/polls/${id}`),
};
