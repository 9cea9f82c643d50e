/** A link or image written in a Markdown body. */
export interface MarkdownRef {
  kind: 'link' | 'image';
  target: string;
  /** Alt text of an image, or the text of a link. */
  text: string;
  /** 1-based line within the body. */
  line: number;
}

const REF = /(!?)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^"']*["'])?\s*\)/g;

/** Finds the inline links and images of a Markdown body, outside code, with their lines. */
export function findMarkdownRefs(body: string): MarkdownRef[] {
  const refs: MarkdownRef[] = [];
  let inFence = false;
  body.split(/\r?\n/).forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) return;
    const withoutCode = line.replace(/`[^`]*`/g, '');
    for (const match of withoutCode.matchAll(REF)) {
      refs.push({ kind: match[1] ? 'image' : 'link', text: match[2] ?? '', target: match[3] ?? '', line: index + 1 });
    }
  });
  return refs;
}

/** True for a link target that points at another page's Markdown file (`./x.md`, `../guides/y.mdx#step-2`). */
export function isContentLink(target: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('/') && /\.mdx?(#.*)?$/.test(target);
}

/** True for an image written as a path in the content folder rather than a full address. */
export function isLocalImage(target: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('/') && !target.startsWith('//');
}
