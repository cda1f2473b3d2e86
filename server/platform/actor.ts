// The authenticated person behind a request, and the request context every use case receives.
import type { OrganizationKind, Role } from '../../domain/roles';
import type { TokenScope } from '../../domain/tokens';

export interface Actor {
  userId: string;
  login: string;
  fullName: string;
  role: Role;
  organizationId: string;
  organizationKind: OrganizationKind;
  /** IANA zone of the actor's organisation: local dates the actor sees and filters by are in it. */
  timeZone: string;
  /** Authenticated with a personal API token rather than a session cookie. */
  viaToken: boolean;
  /** Scope of that token; null for a session. */
  tokenScope: TokenScope | null;
}

export interface RequestContext {
  actor: Actor;
  requestId: string;
}
