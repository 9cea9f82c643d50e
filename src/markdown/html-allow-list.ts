/**
 * What HTML a body may hold beyond Markdown: harmless formatting, nothing that runs, loads or
 * links. Raw HTML in Markdown (html-policy.ts) and JSX elements in MDX (mdx-policy.ts) are both
 * judged here, so the two formats allow exactly the same.
 */

/** Elements a body may write as HTML, each with the attributes it may have beyond GLOBAL_ATTRIBUTES. */
const ELEMENTS: Record<string, readonly string[]> = {
  abbr: [],
  b: [],
  bdi: [],
  bdo: [],
  blockquote: [],
  br: [],
  caption: [],
  code: [],
  dd: [],
  del: ['datetime'],
  details: ['open'],
  dfn: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  hr: [],
  i: [],
  ins: ['datetime'],
  kbd: [],
  li: ['value'],
  mark: [],
  ol: ['start', 'reversed', 'type'],
  p: [],
  pre: [],
  q: [],
  rp: [],
  rt: [],
  ruby: [],
  s: [],
  samp: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'scope', 'abbr'],
  thead: [],
  time: ['datetime'],
  tr: [],
  u: [],
  ul: [],
  var: [],
  wbr: [],
};

/** Attributes any allowed element may have: none of them runs, loads or links anything. */
const GLOBAL_ATTRIBUTES = ['title', 'lang', 'dir'];

/** The elements allowed, for messages. */
export const ALLOWED_ELEMENTS = Object.keys(ELEMENTS);

/**
 * Why an element may not be written in a body, and what to write instead; undefined when it is
 * allowed. `name` is as written (MDX keeps case: `<Chart>` is a component).
 */
export function refusedElement(name: string): string | undefined {
  if (Object.hasOwn(ELEMENTS, name)) return undefined;
  const lower = name.toLowerCase();
  if (lower === 'img' || lower === 'picture' || lower === 'image')
    return `<${name}> is not allowed; write an image as Markdown with its file in the content folder: ![description](../../images/name.png)`;
  if (lower === 'a') return `<${name}> is not allowed; write a link as Markdown: [text](../guides/some-guide.md) or [text](https://…)`;
  if (['script', 'noscript', 'template', 'style', 'link', 'meta', 'base'].includes(lower))
    return `<${name}> is not allowed: a page may not run script or change its own style or head; remove it`;
  if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'video', 'audio', 'source', 'track', 'svg', 'math', 'canvas'].includes(lower))
    return `<${name}> is not allowed: a page may not load or run anything, and nothing from another site; remove it (a picture goes in as ![description](../../images/name.png))`;
  if (['form', 'input', 'button', 'select', 'textarea', 'option', 'label', 'fieldset', 'output', 'dialog'].includes(lower))
    return `<${name}> is not allowed: a page may not ask readers for anything; remove it, or link to the form with [text](https://…)`;
  return `<${name}> is not among the elements a body may use (${ALLOWED_ELEMENTS.join(', ')}); use Markdown instead`;
}

/**
 * Why an attribute may not be written on an allowed element, and what to do; undefined when it
 * is allowed. Nothing that can hold an address, a style or a script is.
 */
export function refusedAttribute(element: string, attribute: string): string | undefined {
  const name = attribute.toLowerCase();
  if (GLOBAL_ATTRIBUTES.includes(name) || ELEMENTS[element]?.includes(name)) return undefined;
  if (name.startsWith('on')) return `${attribute}= on <${element}> is not allowed: an event handler runs script; remove it`;
  if (name === 'style')
    return `style= on <${element}> is not allowed: the site's own style applies (and a style can load from other sites); remove it, or use **bold**, _italic_ or <mark>`;
  if (name === 'class' || name === 'id')
    return `${attribute}= on <${element}> is not allowed: it could take on the page's own classes or anchors (such as #step-1); remove it`;
  if (['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'background', 'data', 'ping', 'xlink:href', 'longdesc', 'usemap'].includes(name))
    return `${attribute}= on <${element}> is not allowed: addresses are written as Markdown links [text](…) and images ![description](…), which the check follows; remove it`;
  const allowed = [...GLOBAL_ATTRIBUTES, ...(ELEMENTS[element] ?? [])];
  return `${attribute}= on <${element}> is not allowed; <${element}> may have ${allowed.join(', ')}`;
}
