// The service worker: keeps every file of the page and of the embed in a cache
// so that both work offline once loaded, and serves them from that cache first
// (the analysis never needs the network, so neither does the page).
//
// What to keep and the cache's version come from pkg/precache.js, which
// scripts/precache.mjs writes when the wasm is built: the version is a hash of
// every kept file, so any change to any of them changes that import, which
// makes the browser install this worker afresh into a cache of a new name; the
// old cache is deleted when the new worker takes over.
//
// A classic script (importScripts), not a module worker: every browser with
// service workers runs it, and the browser checks imported scripts for
// updates just like the worker itself.
/* global PRECACHE */
importScripts('pkg/precache.js');

const PREFIX = 'article-lens-';
const CACHE = PREFIX + PRECACHE.version;
/** Files are listed relative to this folder, the worker's default scope. */
const base = new URL('./', self.location.href);
const KEPT = new Set(PRECACHE.files.map((f) => new URL(f, base).href));

self.addEventListener('install', (event) => {
  // cache: 'reload' skips the HTTP cache, so what is kept is what the server
  // has now. addAll stores all or nothing: a failed download fails the
  // install, and the browser tries again on a later visit.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll([...KEPT].map((url) => new Request(url, { cache: 'reload' })))),
  );
  // No skipWaiting(): an updated worker waits until no tab uses the old one,
  // so a page never mixes files of two versions (say, an old analyzer.js
  // with a new worker.js, fetched later when the worker starts).
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      // Only our own caches: another app on the same origin may have its own.
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    // The first time, take over the page that registered us at once, so it
    // works offline without a reload. (Updates wait, above; this only
    // matters when no worker controlled the page.)
    await self.clients.claim();
  })());
});

/** The cache key for a request: the file's address without query or
 *  fragment; a folder is its index.html. Null when the file is not kept. */
function keyOf(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (url.pathname.endsWith('/')) url.pathname += 'index.html';
  return KEPT.has(url.href) ? url.href : null;
}

self.addEventListener('fetch', (event) => {
  const key = keyOf(event.request);
  // Anything not kept (another site's files on this origin) goes to the
  // network as if there were no worker.
  if (!key) return;
  event.respondWith((async () => {
    const hit = await caches.match(key, { cacheName: CACHE });
    // A miss means the cache was cleared under us (storage pressure): the
    // network, when there is one.
    return hit || fetch(event.request);
  })());
});
