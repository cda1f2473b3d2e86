// The client of the analytics routes: the overview with the rating, trends, spikes, a municipality, the weights.
import type { Static } from 'typebox';
import type {
  MunicipalityAnalytics as MunicipalitySchema, Overview as OverviewSchema, RatingSettings as RatingSettingsSchema, RatingWeights as RatingWeightsSchema,
  MySector as MySectorSchema, Sectors as SectorsSchema, Spikes as SpikesSchema, Streets as StreetsSchema, Trends as TrendsSchema, Ratings as RatingsSchema,
} from '../../server/modules/analytics/schema';
import type { ClusterFilter, ClusterList as ClusterListSchema } from '../../server/modules/clusters/schema';
import { queryString, request } from './api';

export type Overview = Static<typeof OverviewSchema>;
export type Figures = Overview['region'];
export type Trends = Static<typeof TrendsSchema>;
export type Spikes = Static<typeof SpikesSchema>;
export type Streets = Static<typeof StreetsSchema>;
export type MunicipalityAnalytics = Static<typeof MunicipalitySchema>;
export type Unit = MunicipalityAnalytics['departments'][number];
export type RatingSettings = Static<typeof RatingSettingsSchema>;
export type RatingWeights = Static<typeof RatingWeightsSchema>;
export type Ratings = Static<typeof RatingsSchema>;
export type MySector = Static<typeof MySectorSchema>;
export type SectorGroup = MySector['groups'][number];
export type Sectors = Static<typeof SectorsSchema>;
export type RatingGroup = Ratings['by'];

export type ClusterList = Static<typeof ClusterListSchema>;
export type ProblemCluster = ClusterList['items'][number];

export interface PeriodParams { from: string; to: string; channel?: string }

const slugPath = (slug: string) => encodeURIComponent(slug);

export const analyticsApi = {
  overview: (p: PeriodParams) => request<Overview>('GET', '/api/analytics/overview', { query: { ...p } }),
  overviewXlsx: (p: PeriodParams) => `/api/analytics/overview/export?${queryString({ ...p })}`,
  trends: (p: PeriodParams & { granularity: 'week' | 'month'; municipality?: string }) => request<Trends>('GET', '/api/analytics/trends', { query: { ...p } }),
  spikes: (municipality?: string) => request<Spikes>('GET', '/api/analytics/spikes', { query: { municipality } }),
  municipality: (slug: string, p: PeriodParams) => request<MunicipalityAnalytics>('GET', `/api/analytics/municipalities/${slugPath(slug)}`, { query: { ...p } }),
  municipalityXlsx: (slug: string, p: PeriodParams) => `/api/analytics/municipalities/${slugPath(slug)}/export?${queryString({ ...p })}`,
  ratings: (p: PeriodParams & { by: RatingGroup; municipality?: string }) => request<Ratings>('GET', '/api/analytics/ratings', { query: { ...p } }),
  streets: (p: PeriodParams & { municipality?: string }) => request<Streets>('GET', '/api/analytics/streets', { query: { ...p } }),
  clusters: (filter: ClusterFilter) => request<ClusterList>('GET', '/api/clusters', { query: { ...filter } }),
  mySector: (p: { from: string; to: string }) => request<MySector>('GET', '/api/analytics/my-sector', { query: { ...p } }),
  sectors: () => request<Sectors>('GET', '/api/analytics/sectors'),
  setCurators: (group: string, curators: string[]) => request<Sectors>('PUT', `/api/analytics/sectors/${encodeURIComponent(group)}`, { body: { curators } }),
  ratingSettings: () => request<RatingSettings>('GET', '/api/analytics/rating-weights'),
  setWeights: (weights: RatingWeights) => request<RatingSettings>('PUT', '/api/analytics/rating-weights', { body: weights }),
};
