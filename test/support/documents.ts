/** GraphQL documents and fragments several specs share, and the helpers that read their answers. */

/** The nodes of a connection's answer (`edges { node { … } }`), in order. */
export const nodes = <T = any>(connection: { edges: { node: T }[] }): T[] => connection.edges.map((e) => e.node);
