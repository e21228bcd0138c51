/** Runs the web app on a Node HTTP server (`storyline serve`). */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Store } from '../store/index.ts';
import { createApp, type AppOptions } from './app.ts';

export interface ServerOptions extends AppOptions {
  port?: number;
}

export interface RunningServer {
  /** Where it answers, e.g. `http://127.0.0.1:8080`. */
  url: string;
  close(): Promise<void>;
}

export function startServer(store: Store, options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const app = createApp(store, { ...options, host });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8080 }, (info: AddressInfo) => {
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Browsers keep connections open; without this, close waits for them to time out.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(new Error(e.code === 'EADDRINUSE' ? `port ${options.port} on ${host} is already in use: stop what holds it or pick another with --port` : `cannot listen on ${host}:${options.port}: ${e.message}`));
    });
  });
}
