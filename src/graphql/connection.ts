import type { GraphQLResolveInfo } from 'graphql';
import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { Page } from '../common/paging';
import { selectedFields } from './lookahead';

@ObjectType({ description: '分页信息 — Relay page info' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: '每页条数 — page size (default 20, capped by MAX_PAGE_SIZE)' })
  first?: number;

  @Field(() => String, { nullable: true, description: '从此游标之后开始 — return items after this cursor' })
  after?: string;

  /** Not an argument: false when the query does not ask for `totalCount`, so that nothing is counted (see `withCountIfAsked`). */
  countTotal?: boolean;
}

/** The page arguments, with `countTotal` saying whether the query reads the connection's `totalCount`. */
export const withCountIfAsked = (args: ConnectionArgs, info: GraphQLResolveInfo): ConnectionArgs => ({
  ...args,
  countTotal: selectedFields(info).has('totalCount'),
});

export interface ConnectionShape<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds `<Name>Connection` / `<Name>Edge` object types for a node type. */
export function Connection<T extends object>(Node: ClassType<T>, name = Node.name) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => Node)
    node: T;

    @Field()
    cursor: string;
  }

  @ObjectType()
  abstract class ConnectionBase implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: '符合条件的总数 — number of items matching the filter' })
    totalCount: number;
  }
  return ConnectionBase;
}

export function toConnection<T>(page: Page<T>): ConnectionShape<T> {
  return {
    edges: page.nodes.map((node, i) => ({ node, cursor: page.cursors[i] })),
    pageInfo: page.pageInfo,
    totalCount: page.totalCount,
  };
}
