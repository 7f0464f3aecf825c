/**
 * Preloaded (`node -r`) into every server the benchmark starts: counts the SQL statements its pg
 * clients send (transaction control left out, as src/db/statement-counter.ts does), and answers
 * `{ count: true }` over the IPC channel with the running total.
 */
import Module from 'node:module';

let count = 0;
const CONTROL = /^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET LOCAL|select set_config)/i;
const patched = new WeakSet<object>();

function patch(pg: { Client?: { prototype: { query: (...args: unknown[]) => unknown } } }): void {
  const proto = pg?.Client?.prototype;
  if (!proto || patched.has(proto)) return;
  patched.add(proto);
  const query = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : first?.text;
    if (typeof text === 'string' && !CONTROL.test(text)) count++;
    return query.apply(this, args);
  };
}

const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load = function (request: string, ...rest: unknown[]) {
  const loaded = load.call(this, request, ...rest);
  if (request === 'pg') patch(loaded as never);
  return loaded;
};

process.on('message', (m: { count?: boolean }) => {
  if (m?.count) process.send?.({ count });
});
