import type { ElementContent, Root, RootContent } from 'hast';

type Node = RootContent | ElementContent;

/** Inline content as one line of plain text: links keep their text; images, marks and raw HTML go. */
export function inlineText(nodes: Node[]): string {
  const text = (node: Node): string => (node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(text).join('') : '');
  return nodes.map(text).join('').replace(/\s+/g, ' ').trim();
}

const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'section', 'div', 'tr']);

/**
 * A body as plain text for reading aloud (a broadcast message's .txt): one paragraph per block,
 * list items as `- item`, line breaks kept, images and raw HTML left out.
 */
export function plainText(root: Root): string {
  const text = (node: Node): string => {
    if (node.type === 'text') return node.value;
    if (node.type !== 'element' || node.tagName === 'script' || node.tagName === 'style') return '';
    if (node.tagName === 'br') return '\n';
    const inner = node.children.map(text).join('');
    const opening = node.tagName === 'li' ? '\n- ' : '';
    return PARAGRAPHS.has(node.tagName) ? `${opening}${inner}\n\n` : inner;
  };
  return root.children
    .map(text)
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
