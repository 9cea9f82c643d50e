import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './sites.ts';

const NGINX = '/usr/sbin/nginx';

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * Serves a built site with the sample config (templates/nginx.conf) under its base path with
 * Debian's nginx; returns where, once nginx answers, and how to stop it.
 */
export async function startNginx(dist: string, base: string): Promise<{ origin: string; stop: () => void }> {
  if (!existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX}; npm run test:build installs Debian's nginx when missing`);
  const work = mkdtempSync(join(tmpdir(), 'loa-nginx-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const site = readFileSync(join(ROOT, 'templates/nginx.conf'), 'utf8')
    .replaceAll('/campaign/', base) // before the folder, whose path may hold /campaign/ too
    .replaceAll('/srv/loa/dist/', `${dist}/`)
    .replace('listen 80;', `listen 127.0.0.1:${port};`);
  writeFileSync(join(work, 'loa.conf'), site);
  // Started as root, nginx's workers would run as nobody, who may not enter the checkout; they run as the user who runs the tests.
  const user = process.getuid?.() === 0 ? 'user root;' : '';
  writeFileSync(
    join(work, 'nginx.conf'),
    `${user} worker_processes 1; pid ${work}/nginx.pid; error_log ${work}/error.log; daemon off;
events {}
http {
  include /etc/nginx/mime.types; default_type application/octet-stream; access_log off;
  client_body_temp_path ${work}/body; proxy_temp_path ${work}/proxy; fastcgi_temp_path ${work}/fastcgi; uwsgi_temp_path ${work}/uwsgi; scgi_temp_path ${work}/scgi;
  include ${work}/loa.conf;
}\n`,
  );
  const nginx: ChildProcess = spawn(NGINX, ['-c', join(work, 'nginx.conf'), '-p', work], { stdio: 'inherit' });
  const stop = () => {
    nginx.kill();
    rmSync(work, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(origin);
      return { origin, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  stop();
  throw new Error('nginx did not start');
}
