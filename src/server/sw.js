// Service worker of the portal. Served by the server with the build's version and assets.
// It caches only versioned static assets and the offline page: never HTML of other pages,
// never /api/ answers, never anything personal.
const VERSION = "__VERSION__";
const CACHE = "portal-static-" + VERSION;
const ASSETS = __ASSETS__;
const OFFLINE = "/offline";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll([...ASSETS, OFFLINE]))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (ASSETS.includes(url.pathname)) {
    // Static assets: from the cache of this version, else from the network.
    event.respondWith(caches.match(url.pathname).then((hit) => hit || fetch(request)));
    return;
  }
  if (request.mode === "navigate") {
    // Pages always come from the network; only when it is unreachable, the offline page.
    event.respondWith(fetch(request).catch(() => caches.match(OFFLINE)));
  }
});
