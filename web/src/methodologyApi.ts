// The client of ЦУР's methodological work: recommendations to municipalities (§4.3, §4.5, §6.1), the library
// of best practices (§4.4) and staff training (§6.2).
import type { Static } from 'typebox';
import type { Recommendation, RecommendationList, Unacknowledged } from '../../server/modules/recommendations/schema';
import type { Practice, PracticeFilter, PracticeList, UpdatePractice } from '../../server/modules/practices/schema';
import type { Coverage, Training, TrainingList } from '../../server/modules/trainings/schema';
import { request } from './api';

export type { Recommendation, RecommendationAddressee, RecommendationStatus, RecommendationSummary } from '../../server/modules/recommendations/schema';
export type { Practice, PracticeSummary } from '../../server/modules/practices/schema';
export type { Coverage, Participant, Training, TrainingSummary } from '../../server/modules/trainings/schema';
export type PracticeQuery = Static<typeof PracticeFilter>;

export const methodologyApi = {
  recommendations: () => request<Static<typeof RecommendationList>>('GET', '/api/recommendations'),
  unacknowledged: () => request<Unacknowledged>('GET', '/api/recommendations/unacknowledged'),
  recommendation: (id: string) => request<Recommendation>('GET', `/api/recommendations/${id}`),
  createRecommendation: (form: FormData) => request<Recommendation>('POST', '/api/recommendations', { body: form }),
  acknowledge: (id: string) => request<Recommendation>('POST', `/api/recommendations/${id}/acknowledge`),
  report: (id: string, form: FormData) => request<Recommendation>('POST', `/api/recommendations/${id}/report`, { body: form }),
  review: (id: string, municipality: string, decision: 'accept' | 'return', remarks?: string) =>
    request<Recommendation>('POST', `/api/recommendations/${id}/addressees/${municipality}/${decision}`, { body: remarks ? { remarks } : {} }),
  recommendationFileUrl: (id: string, fileId: string) => `/api/recommendations/${id}/files/${fileId}`,

  practices: (query: PracticeQuery) => request<Static<typeof PracticeList>>('GET', '/api/practices', { query: { ...query } }),
  practice: (id: string) => request<Practice>('GET', `/api/practices/${id}`),
  proposePractice: (form: FormData) => request<Practice>('POST', '/api/practices', { body: form }),
  updatePractice: (id: string, input: Static<typeof UpdatePractice>) => request<Practice>('PATCH', `/api/practices/${id}`, { body: input }),
  reviewPractice: (id: string, decision: 'publish' | 'return', remarks?: string) => request<Practice>('POST', `/api/practices/${id}/${decision}`, { body: remarks ? { remarks } : {} }),
  practiceFileUrl: (id: string, fileId: string) => `/api/practices/${id}/files/${fileId}`,

  trainings: (year?: number) => request<Static<typeof TrainingList>>('GET', '/api/trainings', { query: { year } }),
  coverage: (year?: number) => request<Coverage>('GET', '/api/trainings/coverage', { query: { year } }),
  training: (id: string) => request<Training>('GET', `/api/trainings/${id}`),
  createTraining: (form: FormData) => request<Training>('POST', '/api/trainings', { body: form }),
  enrol: (id: string, userId: string) => request<Training>('POST', `/api/trainings/${id}/participants`, { body: { userId } }),
  unenrol: (id: string, userId: string) => request<Training>('DELETE', `/api/trainings/${id}/participants/${userId}`),
  attendance: (id: string, attended: string[], absent: string[]) => request<Training>('POST', `/api/trainings/${id}/attendance`, { body: { attended, absent } }),
  trainingFileUrl: (id: string, fileId: string) => `/api/trainings/${id}/files/${fileId}`,
};
