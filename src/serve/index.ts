export { createApp, type AppOptions } from './app.ts';
export { startServer, type RunningServer, type ServerOptions } from './server.ts';
export { HttpError } from './errors.ts';
export { isLoopback } from './security.ts';
