declare module 'virtual:hub-labels' {
  const labels: Record<string, Record<string, string>>;
  export default labels;
}
declare module '*.graphql?raw' {
  const text: string;
  export default text;
}
