import type { LoadedContent } from '../model/load-content.ts';
import { cmsConfig, type TargetPage } from './cms-config.ts';

/** The pages of loaded content a poster can lead to, in a stable order. */
function targetPages(content: Pick<LoadedContent, 'entries'>): TargetPage[] {
  return content.entries
    .map((entry) => ({ locale: entry.locale, kind: entry.kind, slug: entry.slug, title: entry.data.title }))
    .sort((a, b) => `${a.locale}/${a.kind}/${a.slug}`.localeCompare(`${b.locale}/${b.kind}/${b.slug}`));
}

/**
 * The editor's configuration of a built site as the YAML file it reads (`admin/config.yml`),
 * written as JSON, which YAML reads as it is: a poster can lead to every page, so at national
 * size the file lists 31,500 of them, which a YAML writer took about a second to write and which
 * are a sixth smaller as JSON for editors to download.
 */
export function siteCmsConfigYaml(content: Pick<LoadedContent, 'entries' | 'settings'>): string {
  if (!content.settings) throw new Error('The web editor needs the site settings (content/site.yaml)');
  const config = cmsConfig({ settings: content.settings, pages: targetPages(content) });
  return `# The web editor's configuration, made by Loa from its schemas and content/site.yaml (src/admin/cms-config.ts): do not edit.\n${JSON.stringify(config)}\n`;
}
