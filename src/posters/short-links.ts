import type { Poster } from './load-posters.ts';
import { pagePath } from '../lib/urls.ts';
import type { Redirect } from '../build/host-redirects.ts';

/** The redirects of the active posters' short links, with and without the trailing slash. */
export function shortLinkRedirects(posters: readonly Poster[], base: string): Redirect[] {
  return posters
    .filter((p) => p.status === 'active')
    .flatMap((p) => {
      const to = pagePath(base, p.target.locale, p.target.kind, p.target.slug);
      const from = pagePath(base, 'p', p.code);
      return [
        { from, to },
        { from: from.slice(0, -1), to },
      ];
    });
}
