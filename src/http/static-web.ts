import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { SanquApp } from '../kernel/module';

/**
 * Serves the built web app at `/`. Any other GET that is not an API call and asks for HTML gets index.html,
 * so client-side routes (/workbench, /me …) survive a reload.
 * Returns true when the app was found.
 */
export async function installStaticWeb(app: SanquApp, webRoot: string): Promise<boolean> {
  const root = resolve(webRoot);
  if (!existsSync(resolve(root, 'index.html'))) {
    app.log.warn({ webRoot: root }, 'web app not built: run `npm run build`');
    return false;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: 'index.html',
    cacheControl: false,
    // Hashed assets never change; index.html must be revalidated so a deploy is picked up at once.
    setHeaders: (response, path) => {
      response.header(
        'cache-control',
        path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
      );
    },
  });
  return true;
}

/** True for a request the web app should answer with index.html. */
export function isClientRoute(method: string, url: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (url.startsWith('/api/') || url === '/api' || url.startsWith('/docs')) return false;
  return (accept ?? '').includes('text/html');
}
