/**
 * Building DOM for extension pages without markup strings: every text goes in as a text node, so page and
 * document text can never become markup. Takes the Document to build in, so tests run it under happy-dom.
 */
export type Child = Node | string | null | false | undefined;
export type Attrs = Record<string, string | boolean | null | undefined>;

/** `h(doc, 'p', { class: 'x', hidden: true }, 'text', child)`; false/null/undefined attributes are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

export function append(parent: Node & ParentNode, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === false || child === undefined) continue;
    parent.append(
      typeof child === 'string' ? (parent.ownerDocument ?? document).createTextNode(child) : child,
    );
  }
}

/** Joins parts with a separator, skipping empty ones: "Reuters · 2022-03-25 · source: UNHCR". */
export function joined(doc: Document, parts: readonly Child[], separator = ' · '): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  for (const part of parts) {
    if (part === null || part === false || part === undefined || part === '') continue;
    if (fragment.childNodes.length > 0) fragment.append(doc.createTextNode(separator));
    fragment.append(typeof part === 'string' ? doc.createTextNode(part) : part);
  }
  return fragment;
}

const WEB_URL = /^https?:\/\//i;

/** A link out to the web (a document's address), or null for anything that is not http(s). */
export function webLink(
  doc: Document,
  url: string | null,
  text: string,
  attrs: Attrs = {},
): HTMLAnchorElement | null {
  if (!url || !WEB_URL.test(url)) return null;
  return h(doc, 'a', { href: url, target: '_blank', rel: 'noopener noreferrer', ...attrs }, text);
}
