import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Platform } from '../model/schemas.ts';
import { inlineText } from './plain-text.ts';

/** One step of a guide: an item of a top-level numbered list. */
export interface Step {
  /** The platform section it is in (`## Android` …), if any. */
  platform?: Platform;
  /** Its number, counted on from one list to the next within its section. */
  n: number;
  /** Its anchor: `step-3`, or `android-step-3` inside a platform section. */
  id: string;
  /** Its first paragraph as plain text: what a poster prints. */
  text: string;
  /** 1-based line in the body where it starts. */
  line?: number;
}

/** Which platform a `##` heading names, if any: Android, iPhone/iPad/iOS or Web. */
export function platformOfHeading(text: string): Platform | undefined {
  if (/android/i.test(text)) return 'android';
  if (/iphone|ipad|\bios\b/i.test(text)) return 'ios';
  if (/\bweb\b/i.test(text)) return 'web';
  return undefined;
}

const isElement = (node: RootContent | ElementContent): node is Element => node.type === 'element';

/** The text of a node and all inside it, as in the DOM. */
export function textContent(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  return isElement(node) ? node.children.map(textContent).join('') : '';
}

/**
 * The platform section each top-level node of a body is in: from a `##` heading naming a
 * platform up to the next `##` heading. Shaping and step counting both read sections here.
 */
export function* inSections(children: RootContent[]): Generator<{ node: RootContent; platform: Platform | undefined }> {
  let platform: Platform | undefined;
  for (const node of children) {
    if (isElement(node) && node.tagName === 'h2') platform = platformOfHeading(textContent(node));
    yield { node, platform };
  }
}

/** The platforms whose sections a body has, in order. */
export function platformsOf(root: Root): Platform[] {
  const found: Platform[] = [];
  for (const { node, platform } of inSections(root.children))
    if (platform && isElement(node) && node.tagName === 'h2' && !found.includes(platform)) found.push(platform);
  return found;
}

/**
 * Every step of a body, in order, with the list and item it is: each item of a top-level
 * numbered list is a step (nested lists are not, and text between two lists does not end the
 * steps), numbered on from list to list within its platform section.
 */
export function* stepItems(root: Root): Generator<{ list: Element; item: Element; platform: Platform | undefined; n: number; id: string }> {
  const counters = new Map<string, number>();
  for (const { node, platform } of inSections(root.children)) {
    if (!isElement(node) || node.tagName !== 'ol') continue;
    for (const item of node.children) {
      if (!isElement(item) || item.tagName !== 'li') continue;
      const n = (counters.get(platform ?? '') ?? 0) + 1;
      counters.set(platform ?? '', n);
      yield { list: node, item, platform, n, id: platform ? `${platform}-step-${n}` : `step-${n}` };
    }
  }
}

const BLOCKS = new Set(['p', 'ul', 'ol', 'pre', 'blockquote', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'div']);

/** A step's first paragraph as plain text: links keep their text, images and marks go. */
function stepText(item: Element): string {
  const first = item.children.find((child) => child.type !== 'text' || child.value.trim() !== '');
  if (first && isElement(first) && first.tagName === 'p') return inlineText(first.children);
  const inline: ElementContent[] = [];
  for (const child of item.children) {
    if (isElement(child) && BLOCKS.has(child.tagName)) break;
    inline.push(child);
  }
  return inlineText(inline);
}

/** The steps of a guide body, as facts kept apart from the tree. */
export function stepsOf(root: Root): Step[] {
  return [...stepItems(root)].map(({ item, platform, n, id }) => ({
    ...(platform ? { platform } : {}),
    n,
    id,
    text: stepText(item),
    line: item.position?.start.line,
  }));
}

/**
 * The steps one reader follows, which the embed card counts and the poster prints: those
 * outside platform sections and those of the guide's first platform (a reader uses one phone).
 */
export function readerSteps(steps: Step[]): Step[] {
  const first = steps.find((step) => step.platform)?.platform;
  return steps.filter((step) => !step.platform || step.platform === first);
}
