import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { overridesFromEnv } from './load-content.ts';
import { normalizeBase } from '../lib/urls.ts';

/** The site URL and base path the build uses: from content/site.yaml, overridden by SITE_URL and BASE_PATH. */
export function loadSiteConfig(siteDir: string): { site: string; base: string } {
  let fromFile: { site?: unknown; base?: unknown } = {};
  try {
    fromFile = parse(readFileSync(join(siteDir, 'content', 'site.yaml'), 'utf8')) ?? {};
  } catch {
    // The content check reports a missing or malformed settings file.
  }
  const overrides = overridesFromEnv();
  const site = overrides.site ?? (typeof fromFile.site === 'string' ? fromFile.site : 'http://localhost/');
  const base = normalizeBase(overrides.base ?? (typeof fromFile.base === 'string' ? fromFile.base : '/'));
  return { site, base };
}
