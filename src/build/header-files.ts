import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { adminNetlifyRule, adminNginxHeaders } from '../admin/host-headers.ts';
import { editorBackend } from '../admin/git-backend.ts';
import type { SiteSettings } from '../model/schemas.ts';
import { headerWarnings, netlifyHeaders, nginxHeaders } from './host-headers.ts';
import { siteInlineHashes } from './inline-hashes.ts';
import { securityHeaders } from './security-headers.ts';

/**
 * Writes the hosts' files of security headers into a built site (`_headers`, `nginx-headers.conf`,
 * `admin-nginx-headers.conf`), whose policy allows exactly the inline code of the pages in `dir`:
 * so the build writes them once its pages are there, and the merge of shards again over the
 * joined pages. Returns warnings to show (see headerWarnings). With `memoFile`, the next build
 * reads only the pages it wrote anew (see siteInlineHashes).
 */
export function writeHeaderFiles(dir: string, settings: Pick<SiteSettings, 'base' | 'editor'>, memoFile?: string, pages?: string[]): string[] {
  const headers = securityHeaders(siteInlineHashes(dir, memoFile, pages));
  // The web editor (admin/) gets its own policy: a rule after the site's, and a file for its nginx
  // location, both allowing connections to the git host it saves to (site.yaml's editor:).
  const { connect } = editorBackend(settings.editor);
  writeFileSync(join(dir, '_headers'), netlifyHeaders(headers, settings.base) + adminNetlifyRule(settings.base, connect));
  writeFileSync(join(dir, 'nginx-headers.conf'), nginxHeaders(headers));
  writeFileSync(join(dir, 'admin-nginx-headers.conf'), adminNginxHeaders(connect));
  return headerWarnings(headers);
}
