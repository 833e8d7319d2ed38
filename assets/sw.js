// Offline support: at install, every file of this build is cached (the list and the cache's
// name are written by scripts/finish_site.py, Trunk's post_build hook), so the page opens
// offline after one visit, RSA, EC and Ed25519 keys included. A new build installs into a new
// cache and drops the old ones. Only this origin's GET requests are touched; nothing is sent out.
const CACHE = 'jwt-debugger';
const PRECACHE = [];

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// A file whose name carries a hash of its content (Trunk's, or the key engine's version) never
// changes, so the cache answers it without asking the network: a reload costs no transfer and no
// cache write for the page's module and the key engine. Everything else, the page itself first,
// is asked of the network first, so a new release (new names) is picked up at once; the cache
// answers when offline.
const HASHED = /-[0-9a-f]{16}(_bg\.wasm|_loader\.js|\.js|\.css|\.svg)$/;

function fromNetwork(request) {
  return fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (HASHED.test(url.pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit ?? fromNetwork(request)));
    return;
  }
  event.respondWith(
    fromNetwork(request)
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit ?? caches.match('./'))),
  );
});
