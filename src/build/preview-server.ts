import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../lib/site-dir.ts';

/** A live preview (`npm run dev`) running in a process of its own. */
export interface PreviewServer {
  /** Where it is served, e.g. `http://localhost:4410`. */
  origin: string;
  /** Everything it has printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** The environment without the variables a test runner built on Vite adds (BASE_URL, MODE, …), which the preview would take as its own. */
function plainEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|VITE_|BASE_URL$|MODE$|DEV$|PROD$|SSR$|NODE_ENV$|TEST$)/.test(key)));
}

/** Starts the live preview of a site folder, as `LOA_SITE_DIR=… npm run dev` does, for tests and the benchmark (beside any preview the editor has open). */
export async function startPreview(siteDir: string, env: Record<string, string> = {}): Promise<PreviewServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'],
    {
      cwd: PROJECT_ROOT,
      env: { ...plainEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', LOA_SITE_DIR: siteDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await new Promise<void>((ready, fail) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`:${port}/`)) ready();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', () => fail(new Error(`The preview stopped before it was ready:\n${output}`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async () => {
      child.kill();
      await exited;
    },
  };
}
