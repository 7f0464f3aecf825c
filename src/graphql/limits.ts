import { GraphQLError, Kind, ValidationContext, ValidationRule, ASTNode, FragmentDefinitionNode } from 'graphql';

/** Refuses operations nested deeper than `max` fields, so that a single query cannot fan out without bound. */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const depthOf = (node: ASTNode, depth: number, seen: Set<string>): number => {
      switch (node.kind) {
        case Kind.FIELD: {
          if (!node.selectionSet || node.name.value.startsWith('__')) return depth;
          return Math.max(depth + 1, ...node.selectionSet.selections.map((s) => depthOf(s, depth + 1, seen)));
        }
        case Kind.INLINE_FRAGMENT:
          return Math.max(depth, ...node.selectionSet.selections.map((s) => depthOf(s, depth, seen)));
        case Kind.FRAGMENT_SPREAD: {
          const f = fragments.get(node.name.value);
          if (!f || seen.has(f.name.value)) return depth;
          return Math.max(depth, ...f.selectionSet.selections.map((s) => depthOf(s, depth, new Set([...seen, f.name.value]))));
        }
        default:
          return depth;
      }
    };
    return {
      OperationDefinition(op) {
        const depth = Math.max(0, ...op.selectionSet.selections.map((s) => depthOf(s, 0, new Set())));
        if (depth > max) {
          context.reportError(new GraphQLError(`查询嵌套层数 ${depth} 超过上限 ${max}`, { nodes: [op], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        }
      },
    };
  };
}
