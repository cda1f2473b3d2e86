// Who may merge and split problem clusters: ЦУР across the region, the administration's head and contact
// official for their own municipality (an executor works on appeals, not on their grouping).
import { definePolicy, inScope } from '../../platform/policy';

export interface ClusterResource { organizationId: string }

export const clusterPolicy = definePolicy<'manage', ClusterResource>({
  manage: (actor, cluster) => inScope(actor, cluster.organizationId) && actor.role !== 'executor',
});
