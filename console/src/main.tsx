/**
 * The console's entry, kept small: it asks the hub for the session, the viewer and the opened
 * page's data (early.ts), then loads the shell, so the requests run while Ant Design is parsed.
 */
import { start } from './early';

// The page's CSP allows only <style> elements carrying this response's nonce. Some of Ant Design's
// helpers (the scroll-bar measure of tables, the scroll lock of dialogs) write a <style> without
// asking for it: every <style> this page creates gets it.
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
const createElement = document.createElement.bind(document);
document.createElement = ((tag: string, options?: ElementCreationOptions) => {
  const el = createElement(tag, options);
  if (tag.toLowerCase() === 'style') (el as HTMLStyleElement).nonce = nonce;
  return el;
}) as typeof document.createElement;

start();
void import('./shell');
