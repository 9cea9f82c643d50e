import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server on 127.0.0.1 that passes every request on to another, logging it; it can be pointed elsewhere or cut. */
export interface ProxyServer {
  /** Where it listens, e.g. `http://127.0.0.1:40123`: the origin pages are opened from. */
  origin: string;
  /** The paths (with query) requested, in order, with the method: `GET /vi/`. */
  requests: string[];
  /** The origin requests are passed on to; change it to serve another build at the same origin. */
  target: string;
  /** While true, every connection is closed at once, as when the phone has no signal. */
  down: boolean;
  close(): Promise<void>;
}

/**
 * Serves what `target` serves at an origin of its own, so a test can see which requests reached
 * the server (a service worker's included), cut the network for every request of the browser
 * (its service worker's too), or put another build of the site at the same origin.
 */
export async function proxyServer(target: string): Promise<ProxyServer> {
  const proxy = { requests: [] as string[], target, down: false } as ProxyServer;
  const server: Server = createServer((req, res) => {
    if (proxy.down) {
      req.socket.destroy();
      return;
    }
    proxy.requests.push(`${req.method} ${req.url}`);
    const to = new URL(req.url ?? '/', proxy.target);
    const forward = request(to, { method: req.method, headers: { ...req.headers, host: to.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  proxy.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return proxy;
}
