import type { Element, ElementContent, Root, RootContent } from 'hast';
import { textContent } from './steps.ts';

/** A link or image in a body, as the content check needs it. */
export interface BodyRef {
  kind: 'link' | 'image';
  /** The address as the parser gives it (percent-encoded; see decodeTarget). */
  target: string;
  /** Alt text of an image, or the text of a link. */
  text: string;
  /** 1-based line within the body. */
  line?: number;
}

/**
 * The links and images of a parsed body, with their lines, in every spelling Markdown has
 * (inline, reference, autolink), and none inside code: what the content check looks at.
 */
export function bodyRefs(root: Root): BodyRef[] {
  const refs: BodyRef[] = [];
  const visit = (node: RootContent | ElementContent): void => {
    if (node.type !== 'element') return;
    const ref = refOf(node);
    if (ref) refs.push(ref);
    node.children.forEach(visit);
  };
  root.children.forEach(visit);
  return refs;
}

function refOf(node: Element): BodyRef | undefined {
  const line = node.position?.start.line;
  const { href, src, alt } = node.properties;
  if (node.tagName === 'a' && typeof href === 'string') return { kind: 'link', target: href, text: textContent(node), line };
  if (node.tagName === 'img' && typeof src === 'string') return { kind: 'image', target: src, text: typeof alt === 'string' ? alt : '', line };
  return undefined;
}
