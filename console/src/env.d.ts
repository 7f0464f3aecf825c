declare module 'virtual:hub-labels' {
  const labels: Record<string, Record<string, string>>;
  export default labels;
}
declare module '*.graphql?raw' {
  const text: string;
  export default text;
}
declare module 'virtual:hub-operations' {
  /** Operation name → the document the console sends (the operation and the fragments it uses). */
  const documents: Record<string, string>;
  export default documents;
}
