// Offline support: the app's own files, cached as they are fetched, served from the cache when
// the network is gone. Only this origin's GET requests are touched; nothing is ever sent out.
const CACHE = 'jwt-debugger-v1';

// The engine module (RSA, EC and Ed25519 keys) is fetched by the page once it is usable; the
// worker also caches it when it installs, so those keys work offline too.
const ENGINE = ['engine/jwt-engine.js', 'engine/jwt-engine_bg.wasm'];

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ENGINE)).catch(() => {}));
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Network first, so a new release is picked up at once; the cache answers when offline.
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit ?? caches.match('./'))),
  );
});
