/**
 * The one list of what Figure Check never reads and never highlights. The page-text reader, the
 * highlighter and the mutation watcher all ask `isExcludedElement` / `isInsideExcluded`, so a decision here
 * holds everywhere (content script and the `check` command alike).
 *
 * Pure DOM API, no globals: it runs under happy-dom in Node as well as in the page.
 */

/** Our own elements and marker attribute. Anything carrying them is ours and must never be scanned. */
export const MARK_TAG = 'fc-mark';
export const MARK_CLASS = 'figure-check-mark';
export const CARD_TAG = 'figure-check-card';
export const UI_ATTRIBUTE = 'data-figure-check-ui';

/**
 * Elements whose whole subtree is skipped, by local name, each with why (in comments: the list is part of
 * the content script that every page evaluates).
 * (Lower-case local names: HTML elements in an HTML document report them lower-case.)
 */
const EXCLUDED_TAGS: ReadonlySet<string> = new Set([
  // Form controls: their text is the reader's input or the page's UI, and wrapping inside them breaks
  // editing. <option>/<optgroup>/<datalist> render inside the native widget, not as running text.
  'input', // form control
  'textarea', // the reader types here
  'select', // native widget
  'option', // native widget
  'optgroup', // native widget
  'datalist', // native widget
  // Buttons are controls, not prose ("Load 23 more updates"); an element inside a button also changes
  // event.target for the page's click handlers.
  'button', // control, not prose
  // Not rendered text: program code, styles, fallback for no-script browsers, inert templates.
  'script', // program code
  'style', // style sheet
  'noscript', // only shown without scripting; raw markup in some parsers
  'template', // inert content
  // Code: numbers in code samples, terminal output and ASCII tables are never reportable figures.
  'code', // program code
  'kbd', // keyboard input
  'samp', // program output
  // <pre> is excluded too: on news sites it holds code, logs and fixed-width tables, and its whitespace
  // rules differ from running text. Articles do not put their prose in <pre>.
  'pre', // preformatted code/tables
  // Foreign content: an HTML <fc-mark> inside SVG or MathML would not render (and could break a chart).
  'svg', // SVG drawing; HTML wrappers do not render inside it
  'math', // MathML
  // Embedded documents and replaced elements: their children are fallback content, not what is shown.
  'iframe', // separate document; children are fallback
  'frame', // separate document
  'object', // children are fallback
  'embed', // plugin content
  'canvas', // children are fallback
  'video', // children are fallback
  'audio', // children are fallback
  // Document metadata: never visible as page text.
  'head', // metadata
  'title', // the tab title, not the page
  // Our own UI: highlights must not be read again, and the card is ours.
  MARK_TAG, // our highlight
  CARD_TAG, // our hover card
]);

/**
 * Elements that never render or that take part in a block by being ruled out; attribute-based, checked on
 * every element. `contenteditable` is "any value but false": "", "true" and "plaintext-only" all make the
 * subtree editable, and a `contenteditable="false"` island inside it is still the editor's content, so
 * skipping the whole subtree is right (inheritance comes from skipping subtrees).
 *
 * Deliberately NOT excluded:
 * - `aria-hidden="true"`: it hides text from assistive technology, not from sight (visual labels, and the
 *   whole page behind a cookie dialog while it is open). The highlighter makes marks there unfocusable.
 * - inline `style="display:none"` and CSS-hidden text: deciding needs computed style, which the `check`
 *   command (happy-dom, no layout) cannot match; highlighting invisible text is harmless.
 */
export function isExcludedElement(el: Element): boolean {
  if (EXCLUDED_TAGS.has(el.localName)) return true;
  // Elements outside the HTML namespace (SVG/MathML children that escaped the tag check) are foreign.
  if (el.namespaceURI !== null && el.namespaceURI !== HTML_NS) return true;
  if (el.attributes.length === 0) return false;
  // [hidden]: not rendered (the watcher re-reads an element when its `hidden` is removed).
  if (el.hasAttribute('hidden')) return true;
  if (el.hasAttribute(UI_ATTRIBUTE)) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  // [inert]: the page says this part is not for interaction now (e.g. behind a dialog); marks there
  // would be focusable targets inside an inert region.
  if (el.hasAttribute('inert')) return true;
  return false;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Why an element is excluded (for tests and debugging), or null when it is read. */
export function exclusionReason(el: Element): string | null {
  if (EXCLUDED_TAGS.has(el.localName)) return `<${el.localName}>`;
  if (!isExcludedElement(el)) return null;
  if (el.namespaceURI !== HTML_NS) return 'foreign (non-HTML) element';
  if (el.hasAttribute('hidden')) return 'hidden';
  if (el.hasAttribute(UI_ATTRIBUTE)) return 'our own UI';
  if (el.hasAttribute('inert')) return 'inert';
  return 'editable';
}

/** True when `node` or any ancestor (up to the document) is excluded: new text there is never read. */
export function isInsideExcluded(node: Node): boolean {
  let el: Element | null = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el) {
    if (isExcludedElement(el)) return true;
    el = el.parentElement;
  }
  // A whole document in design mode is an editor (webmail compose frames): nothing in it is ours to touch.
  return node.ownerDocument?.designMode === 'on';
}

/** True for our own highlight elements, card host and anything inside them. */
export function isOwnNode(node: Node): boolean {
  let el: Element | null = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (el) {
    const name = el.localName;
    if (name === MARK_TAG || name === CARD_TAG || el.hasAttribute(UI_ATTRIBUTE)) return true;
    el = el.parentElement;
  }
  return false;
}

const ELEMENT_NODE = 1;
