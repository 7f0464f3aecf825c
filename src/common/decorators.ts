/** Applies decorators as if they were written above a property in this order (the last applied first, as TypeScript does). */
export function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of [...decorators].reverse()) decorate(target, key);
  };
}
