// The party site's service worker: offline reading, written for this site with no library.
// Served at /sw.js by party_site/offline.py, which explains what it keeps and what it never keeps.
"use strict";
const CONFIG = {{ config|safe }};
{% verbatim %}
const PREFIX = "party-";
const ASSETS = PREFIX + "assets-" + CONFIG.version;
const PAGES = PREFIX + "pages-" + CONFIG.version;
const IMAGES = PREFIX + "images-" + CONFIG.version;
const CURRENT = [ASSETS, PAGES, IMAGES];
const MAX_PAGES = 80;
const MAX_IMAGES = 200;
const HASHED = /\.[0-9a-f]{12}\.[a-z0-9]+$/;

// A page may be kept only when the site said so: a public page, asked for with no session cookie.
function keepable(response) {
  if (!response || !response.ok || response.type !== "basic" || response.redirected) return false;
  if (response.headers.get("X-Offline-Reading") !== "keep") return false;
  const control = response.headers.get("Cache-Control") || "";
  const vary = (response.headers.get("Vary") || "").toLowerCase();
  return !/no-store|private/.test(control) && !vary.includes("cookie");
}

function language(pathname) {
  for (const code of CONFIG.languages) {
    if (pathname === "/" + code || pathname.startsWith("/" + code + "/")) return code;
  }
  return null;
}

function withoutLanguage(pathname) {
  const code = language(pathname);
  return code ? pathname.slice(code.length + 1) || "/" : pathname;
}

function neverKept(url) {
  const path = withoutLanguage(url.pathname);
  return CONFIG.never.some((prefix) => url.pathname.startsWith(prefix) || path.startsWith(prefix));
}

async function trim(name, most) {
  const cache = await caches.open(name);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - most)).map((key) => cache.delete(key)));
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const assets = await caches.open(ASSETS);
      await assets.addAll(CONFIG.assets.map((url) => new Request(url, { credentials: "omit" })));
      const pages = await caches.open(PAGES);
      await Promise.all(
        CONFIG.pages.map(async (url) => {
          const response = await fetch(url, { credentials: "omit" });
          if (keepable(response)) await pages.put(url, response);
        }),
      );
      await self.skipWaiting();
    })(),
  );
});

// A new version takes over at once and deletes what every earlier version kept.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(PREFIX) && !CURRENT.includes(name)).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

// Pages: from the network, kept when allowed; without a network, the kept copy or the offline page.
async function page(request, url) {
  try {
    const response = await fetch(request);
    if (keepable(response)) {
      const copy = response.clone();
      const cache = await caches.open(PAGES);
      await cache.put(url.href.split("#")[0], copy);
      trim(PAGES, MAX_PAGES);
    }
    return response;
  } catch (error) {
    const cache = await caches.open(PAGES);
    const kept = await cache.match(url.href.split("#")[0]);
    if (kept) return kept;
    const offline = await cache.match(CONFIG.offline[language(url.pathname) || "ar"] || "/offline/");
    return offline || Response.error();
  }
}

// Static files with a content hash in their name never change: the kept copy first. Others
// (a developer's unhashed files) come from the network first.
async function asset(request, url) {
  const cache = await caches.open(ASSETS);
  if (HASHED.test(url.pathname)) {
    const kept = await cache.match(url.href);
    if (kept) return kept;
  }
  try {
    const response = await fetch(url.href, { credentials: "omit" });
    if (response.ok) await cache.put(url.href, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(url.href);
    return kept || Response.error();
  }
}

// Pictures of the pages read: the kept copy first; asked for without cookies.
async function image(request, url) {
  const cache = await caches.open(IMAGES);
  const kept = await cache.match(url.href);
  if (kept) return kept;
  const response = await fetch(url.href, { credentials: "omit" });
  const control = response.headers.get("Cache-Control") || "";
  if (response.ok && !/no-store|private/.test(control)) {
    await cache.put(url.href, response.clone());
    trim(IMAGES, MAX_IMAGES);
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || neverKept(url)) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request, url));
  } else if (url.pathname.startsWith(CONFIG.static)) {
    event.respondWith(asset(request, url));
  } else if (url.pathname.startsWith(CONFIG.media) && request.destination === "image") {
    event.respondWith(image(request, url));
  }
});
{% endverbatim %}
