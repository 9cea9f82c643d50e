import type { ParsedBody } from '../markdown/read-body.ts';
import { readerSteps } from '../markdown/steps.ts';

/**
 * The key steps of a guide for its poster: the first paragraph of each step one reader follows
 * (see readerSteps), as plain text, at most `limit` of them.
 */
export function keySteps(body: ParsedBody, limit = 8): string[] {
  return readerSteps(body.steps)
    .map((step) => step.text)
    .filter(Boolean)
    .slice(0, limit);
}
