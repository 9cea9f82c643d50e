import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

let bundle: Promise<{ code: string; version: string }> | undefined;

/**
 * The in-page search (client.ts) bundled into one small script, with a short hash of its code
 * for cache-busting. Pages load it only when a reader starts to search.
 */
export function searchClientBundle(): Promise<{ code: string; version: string }> {
  bundle ??= build({
    entryPoints: [fileURLToPath(new URL('./client.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    target: 'es2020',
    legalComments: 'none',
  }).then((result) => {
    const code = result.outputFiles[0]!.text;
    return { code, version: createHash('sha256').update(code).digest('hex').slice(0, 10) };
  });
  return bundle;
}
