/** Plain text of one line of Markdown: links keep their text, images and emphasis marks go. */
export function plainInline(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The key steps of a guide for its poster: the first line of each item of its first numbered
 * list (the first platform's, when the guide has several), as plain text.
 */
export function keySteps(markdown: string, limit = 8): string[] {
  const steps: string[] = [];
  let started = false;
  for (const line of markdown.split(/\r?\n/)) {
    const item = /^\d+[.)]\s+(.*)$/.exec(line);
    if (item) {
      started = true;
      steps.push(plainInline(item[1]!));
    } else if (started && /^(#{1,6}\s|\S)/.test(line) && !/^\d/.test(line)) break;
  }
  return steps.filter(Boolean).slice(0, limit);
}
