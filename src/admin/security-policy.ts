/**
 * The Content-Security-Policy of the web editor (admin/), narrower than the site's where it can
 * be and wider only where Sveltia CMS needs it: its components add `<style>` elements and style
 * attributes as they render (`'unsafe-inline'` styles, which a hash list cannot cover), it reads
 * its own built-in images through fetch (`data:`), shows media being uploaded, runs a worker and
 * draws the preview pane in a frame from `blob:` addresses. Everything else stays on the site's
 * origin, so the addresses its bundle still names (unpkg.com for an update check, syntax
 * highlighting and maps; the Noto Mono font) are refused by the browser before any request
 * leaves. No frame may show the editor. `connect` lists the origins of the git host the editor
 * saves to (editorBackend, from site.yaml's `editor:`): its APIs and OAuth token endpoint;
 * nothing else is added, not even the host's avatar images (the account button then shows no
 * picture).
 */
export function adminContentSecurityPolicy(connect: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ['connect-src', "'self'", 'data:', 'blob:', ...connect].join(' '),
    "worker-src 'self' blob:",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
