// Scopes of personal API tokens: what an integration may do on its owner's behalf.

/** From the narrowest to the widest; each scope includes everything the previous one allows. */
export const TOKEN_SCOPES = ['read', 'intake', 'full'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** A new token reads only, unless its owner asks for more. */
export const DEFAULT_TOKEN_SCOPE: TokenScope = 'read';

/** Whether a token of `scope` may call a route that needs `needed`. */
export function tokenScopeAllows(scope: TokenScope, needed: TokenScope): boolean {
  return TOKEN_SCOPES.indexOf(scope) >= TOKEN_SCOPES.indexOf(needed);
}

