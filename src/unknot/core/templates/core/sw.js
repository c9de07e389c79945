// Unknot's service worker: keeps the static files, the move pictures and a
// tracked episode's page, so that today's routine plays with no connection.
// One person's pages live in their own cache, dropped at every log in and log
// out, so the next person on this device cannot read them.
const STATIC = "unknot-static-{{ version }}";
const PAGES = "unknot-pages";
const PRECACHE = {{ precache|safe }};
const LEAVE = {{ leave|safe }};
// An episode's page and its charts; never its report, share links or forms.
const PAGE = /^\/track\/\d+\/(chart\/[\w-]+\.svg|psfs\.svg)?$/;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(STATIC).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((key) => key.startsWith("unknot-static-") && key !== STATIC).map((key) => caches.delete(key)),
  )).then(() => self.clients.claim()));
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.forget) event.waitUntil(caches.delete(PAGES));
  if (event.data && Array.isArray(event.data.keep)) event.waitUntil(keep(event.data.keep));
});

async function keep(addresses) {
  for (const address of addresses) {
    const url = new URL(address, self.location.origin);
    if (url.origin !== self.location.origin) continue;
    if (PAGE.test(url.pathname) && !url.search) {
      await remember(new Request(url.href, { credentials: "same-origin" })).catch(() => null);
    } else if (kept(url)) {
      const cache = await caches.open(STATIC);
      if (!(await cache.match(url.href))) await cache.add(url.href).catch(() => null);
    }
  }
}

// Only the files listed above (this worker changes when they do) and the move
// pictures (their address carries a fingerprint of the drawing): any other
// static file is left to the network, so it is never served stale.
function kept(url) {
  return PRECACHE.includes(url.pathname) || (url.pathname.startsWith("/moves/") && url.searchParams.has("v"));
}

async function remember(request) {
  const response = await fetch(request);
  if (response.ok && !response.redirected && response.type === "basic") {
    const cache = await caches.open(PAGES);
    await cache.put(request.url, response.clone());
  }
  return response;
}

async function fromNetworkFirst(request) {
  try {
    return await remember(request);
  } catch (error) {
    const cache = await caches.open(PAGES);
    const copy = await cache.match(request.url, { ignoreVary: true });
    if (copy) return copy;
    throw error;
  }
}

async function fromCacheFirst(request) {
  const cache = await caches.open(STATIC);
  const copy = await cache.match(request, { ignoreSearch: false });
  if (copy) return copy;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && LEAVE.includes(url.pathname)) {
    // Whoever comes next must not find this person's pages.
    event.respondWith(caches.delete(PAGES).then(() => fetch(request)));
    return;
  }
  if (request.method !== "GET") return;
  if (kept(url)) event.respondWith(fromCacheFirst(request));
  else if (PAGE.test(url.pathname) && !url.search) event.respondWith(fromNetworkFirst(request));
});
