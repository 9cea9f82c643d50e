import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The rules of WCAG 2.2 level AA (and so A, and 2.0 and 2.1 AA). */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** How axe gets into the page. */
export interface AxeInjection {
  /**
   * Evaluate axe's script as the browser's developer tools do, which the page's policy does not
   * restrict: for a test that must keep the site's policy (no `bypassCSP`), e.g. with a service worker.
   */
  asDevTools?: boolean;
}

/**
 * The WCAG 2.2 AA violations axe-core finds in a page (or the part a selector picks), one line
 * each naming the rule and the elements, so a failing test says what to fix. The page must let
 * axe's script in: open it with `bypassCSP` where the site's policy is served.
 */
export async function axeViolations(page: Page, selector?: string, options: AxeInjection = {}): Promise<string[]> {
  if (options.asDevTools) await page.evaluate(axeSource);
  else await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(
    ([tags, context]) =>
      (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(
        context ?? document,
        { runOnly: { type: 'tag', values: tags } },
      ),
    [WCAG_22_AA, selector] as const,
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
