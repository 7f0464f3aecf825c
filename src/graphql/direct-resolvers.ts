import { GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Param = { kind: string; index: number; propertyName?: string; getType?: () => unknown };
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Class = Function & { prototype: object };

/**
 * Field resolvers of resolver classes that take no arguments, have no middleware and no rule of
 * their own (an entry's data items, provider, interfaces…), called directly instead of through
 * type-graphql's per-call work: the container's search for the class's instance, the parameter
 * list sorted and mapped, the root converted. For S1 that is 5,000 calls a request. The direct
 * call is the same method on the same kind of instance with the same parameters; whenever
 * type-graphql would have converted the root (it is not an instance of the declared class) or a
 * parameter is of another kind, the field keeps type-graphql's resolver.
 */
export function callFieldResolversDirectly(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const instances = new Map<Class, object>();
  for (const def of storage.fieldResolvers) {
    if (def.kind !== 'external' || def.middlewares?.length || def.roles || !def.getObjectType) continue;
    const params = [...((def.params ?? []) as Param[])].sort((a, b) => a.index - b.index);
    if (!params.every((p) => (p.kind === 'root' || p.kind === 'context' || p.kind === 'info') && !p.propertyName)) continue;
    const typeName = storage.objectTypes.find((t) => t.target === def.getObjectType!())?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = isObjectType(type) ? type.getFields()[def.schemaName] : undefined;
    if (!field?.resolve || field.args.length) continue;
    const target = def.target as Class;
    const method = (target.prototype as Record<string, unknown>)[def.methodName];
    if (typeof method !== 'function') continue;
    let instance = instances.get(target);
    if (!instance) instances.set(target, (instance = Reflect.construct(target, [])));
    // The root's declared class, when type-graphql would convert a root that is not one.
    const rootClass = params.find((p) => p.kind === 'root')?.getType?.();
    const asIs = typeof rootClass === 'function' && ![String, Boolean, Number, Date, Array, Promise].includes(rootClass as never) ? (rootClass as Class) : null;
    const original = field.resolve;
    const self = instance;
    const pick: ((root: unknown, ctx: unknown, info: unknown) => unknown)[] = params.map((p) =>
      p.kind === 'root' ? (root) => root : p.kind === 'context' ? (_, ctx) => ctx : (_, __, info) => info,
    );
    const direct: GraphQLFieldResolver<unknown, unknown> = (root, args, ctx, info) => {
      if (asIs && !(root instanceof asIs)) return original(root, args, ctx, info);
      return method.apply(
        self,
        pick.map((f) => f(root, ctx, info)),
      );
    };
    field.resolve = direct;
  }
  return schema;
}
