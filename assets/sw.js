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
