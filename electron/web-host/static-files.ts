// Serves the built renderer: files only from its folder, index.html for anything else.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

async function fileIn(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  try {
    return (await stat(candidate)).isFile() ? candidate : undefined;
  } catch {
    return undefined;
  }
}

export function serveStaticFiles(root: string, headers: Record<string, string>) {
  const normalizedRoot = normalize(root);
  return async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const file = (await fileIn(normalizedRoot, request.url ?? '/')) ?? join(normalizedRoot, 'index.html');
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    const isIndex = file.endsWith('index.html');
    try {
      await stat(file);
    } catch {
      response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('The workstation interface is not built yet: run "npm run build:renderer".');
      return;
    }
    response.writeHead(200, {
      ...headers,
      'content-type': type,
      'cache-control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  };
}
