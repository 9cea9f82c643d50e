const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * True for a link to another page's Markdown file (`./x.md`, `../guides/y.mdx#step-2`): the
 * build rewrites such links (see pageLink) and the content check follows them.
 */
export function isPageFileLink(target: string): boolean {
  const file = target.split('#')[0]!;
  return !SCHEME.test(file) && !file.startsWith('/') && /\.mdx?$/.test(file);
}

/**
 * True for an image written as a path in the content folder rather than an address
 * (`https://…`, `/images/x.png`, `//host/x.png`): the check looks for its file and the build
 * optimises it.
 */
export function isContentPath(target: string): boolean {
  return target !== '' && !SCHEME.test(target) && !target.startsWith('/');
}

/** A link or image target as the editor wrote it: the parser gives it percent-encoded. */
export function decodeTarget(target: string): string {
  try {
    return decodeURI(target);
  } catch {
    return target;
  }
}
