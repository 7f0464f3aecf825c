/** GraphQL documents and fragments several specs share, and the helpers that read their answers. */

/** The nodes of a connection's answer (`edges { node { … } }`), in order. */
export const nodes = <T = any>(connection: { edges: { node: T }[] }): T[] => connection.edges.map((e) => e.node);

/** The userErrors of a payload, every field of them. */
export const USER_ERRORS = 'userErrors { code field message article }';

/** Sign-in with a login and password: the session's tokens and user, or userErrors. */
export const SESSION_CREATE = `mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { session { accessToken refreshToken accessTokenExpiresAt user { id } } ${USER_ERRORS} } }`;
