// Serves www/ (or another folder) on 127.0.0.1 with the headers the page
// relies on: the right MIME type for .wasm (streaming compilation), and the
// same strict Content-Security-Policy the page declares in its <meta>, sent as
// a header too so that it also covers the Web Worker (a worker takes its
// policy from its own response, not from the page).
//
//   node scripts/serve.mjs [--root DIR] [--port N] [--quiet]
// Exports start() for the browser tests and benchmarks.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

const here = path.dirname(fileURLToPath(import.meta.url));

/** Starts the server; resolves to { server, url }. Port 0 picks a free one.
 * `csp` replaces the policy (a benchmark page that must differ says why). */
export function start({ root = path.join(here, '..', 'www'), port = 8080, host = '127.0.0.1', csp = CSP } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = path.resolve(base, '.' + rel);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (rel.endsWith('/')) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      });
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({ server, url: `http://${host}:${p}/` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : def;
  };
  const port = Number(opt('--port', process.env.PORT || 8080));
  try {
    const { url } = await start({ root: opt('--root', undefined), port });
    console.log(`article-lens is served at ${url}  (Ctrl-C to stop)`);
  } catch (err) {
    console.error(err.code === 'EADDRINUSE'
      ? `Port ${port} is already in use. Stop what uses it, or choose another: make serve PORT=8081`
      : `Could not serve the page: ${err.message}`);
    process.exit(1);
  }
}
