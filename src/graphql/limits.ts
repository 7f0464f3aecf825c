/**
 * Validation rules that bound what one operation may ask for (OWASP GraphQL cheat sheet): depth
 * (introspection fields included), aliases and directives, and (with the variables) cost. The token limit is graphql-js's
 * own `parseOptions.maxTokens` (server.ts). Each refusal is GRAPHQL_VALIDATION_FAILED with a
 * `limit` naming the rule, so a client can tell which bound it crossed.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  ASTNode,
  DocumentNode,
  OperationDefinitionNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLNamedType,
  GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../common/paging';

function refusal(limit: string, message: string, node: ASTNode): GraphQLError {
  return new GraphQLError(message, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit } });
}

function fragmentsOf(context: ValidationContext): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of context.getDocument().definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  return fragments;
}

/** Refuses operations nested deeper than `max` fields; `__schema` and `__type` count like any field. */
export function depthLimit(max: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = fragmentsOf(context);
    const depthOf = (node: ASTNode, depth: number, seen: Set<string>): number => {
      switch (node.kind) {
        case Kind.FIELD: {
          if (!node.selectionSet) return depth;
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
        if (depth > max) context.reportError(refusal('depth', `查询嵌套层数 ${depth} 超过上限 ${max}`, op));
      },
    };
  };
}

/** Refuses documents with more than `max` aliases (counted over the whole document, fragments included). */
export function aliasLimit(max: number): ValidationRule {
  return (context: ValidationContext) => {
    let count = 0;
    return {
      Field(node) {
        if (node.alias) count++;
      },
      Document: {
        leave(doc) {
          if (count > max) context.reportError(refusal('aliases', `查询使用别名 ${count} 个，超过上限 ${max}`, doc));
        },
      },
    };
  };
}

/** Refuses documents with more than `max` directives. */
export function directiveLimit(max: number): ValidationRule {
  return (context: ValidationContext) => {
    let count = 0;
    return {
      Directive() {
        count++;
      },
      Document: {
        leave(doc) {
          if (count > max) context.reportError(refusal('directives', `查询使用指令 ${count} 个，超过上限 ${max}`, doc));
        },
      },
    };
  };
}

export interface CostOptions {
  max: number;
  /** What a list without `first` multiplies its selection by. */
  listFactor: number;
  /** What a `first` that is not a number (an unset variable) is taken to be: the page-size cap. */
  maxPageSize: number;
}

/**
 * The cost of an operation. Each field costs 1; a field with a `first` argument multiplies the
 * cost of its selection by `first` (a literal or the variable's value; the page-size cap when
 * neither is a number; the default page size when absent on a connection), a list field without
 * one by `listFactor`; the `edges` of a connection are priced by the connection's `first`. Lists
 * of the introspection types (`__Type.fields`…) are bounded by the schema, not the data, and
 * count once. Fragments count where they are spread.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  options: Omit<CostOptions, 'max'>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

  const firstOf = (node: FieldNode, connection: boolean): number | null => {
    const arg = node.arguments?.find((a) => a.name.value === 'first');
    if (!arg) return connection ? Math.min(DEFAULT_PAGE_SIZE, options.maxPageSize) : null;
    const raw = arg.value.kind === Kind.INT ? Number(arg.value.value) : arg.value.kind === Kind.VARIABLE ? variables[arg.value.name.value] : undefined;
    if (raw === undefined || raw === null) return connection ? Math.min(DEFAULT_PAGE_SIZE, options.maxPageSize) : options.maxPageSize;
    return typeof raw === 'number' && Number.isFinite(raw) ? Math.max(1, Math.min(raw, options.maxPageSize)) : options.maxPageSize;
  };

  const selectionCost = (set: SelectionSetNode, type: GraphQLNamedType, seen: Set<string>): number => {
    let total = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        total += fieldCost(s, type, seen);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const on = s.typeCondition ? schema.getType(s.typeCondition.name.value) : type;
        total += selectionCost(s.selectionSet, on ?? type, seen);
      } else {
        const f = fragments.get(s.name.value);
        if (!f || seen.has(f.name.value)) continue;
        const on = schema.getType(f.typeCondition.name.value) ?? type;
        total += selectionCost(f.selectionSet, on, new Set([...seen, f.name.value]));
      }
    }
    return total;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLNamedType, seen: Set<string>): number => {
    if (!node.selectionSet) return 1;
    const name = node.name.value;
    let childType: GraphQLNamedType | undefined;
    let list = false;
    if (name === '__schema') childType = schema.getType('__Schema') ?? undefined;
    else if (name === '__type') childType = schema.getType('__Type') ?? undefined;
    else if (isObjectType(parent) || isInterfaceType(parent)) {
      const def = parent.getFields()[name];
      if (def) {
        childType = getNamedType(def.type);
        list = isListType(getNullableType(def.type));
      }
    }
    if (!childType || !isCompositeType(childType)) return 1;
    let factor = firstOf(node, childType.name.endsWith('Connection')) ?? 1;
    if (factor === 1 && list && name !== 'edges' && !childType.name.startsWith('__') && !node.arguments?.some((a) => a.name.value === 'first')) {
      factor = options.listFactor;
    }
    return 1 + factor * selectionCost(node.selectionSet, childType, seen);
  };

  const root =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return root ? selectionCost(operation.selectionSet, root, new Set()) : 0;
}

/**
 * Refuses, once the operation and its variables are known, an operation whose cost exceeds
 * `max`: GRAPHQL_VALIDATION_FAILED with `limit: cost`, before anything runs.
 */
export function costLimitPlugin(options: CostOptions): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {}, options);
          if (cost > options.max) {
            throw new GraphQLError(`查询代价 ${cost} 超过上限 ${options.max}（列表按 first 计价，请减少别名、嵌套或每页条数）`, {
              nodes: [operation],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
