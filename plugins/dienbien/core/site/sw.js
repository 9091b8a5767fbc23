// The site's service worker: pages open without a connection once seen.
// Written by the build (dienbien/core/offline.py), which fills in the values below.
"use strict";

const VERSION = /*VERSION*/null;          // a hash of the built site
const PRECACHE = /*PRECACHE*/null;        // essentials and the files they load, site paths
const PAGES = /*PAGES*/null;              // essentials per language: [{url, title}]
const TEXT = /*TEXT*/null;                // what the offline page says, per language
const LANGUAGES = /*LANGUAGES*/null;      // languages served under /<code>/
const DEFAULT = /*DEFAULT*/null;          // the language served at the root
const CACHE = "dienbien-" + VERSION;
const BYPASS = ["admin/"];               // the browser editor (core/cms.py): never saved, never answered from the cache
const PAGE_TIMEOUT = 4000;                // then a saved copy, if there is one, rather than waiting

const root = new URL("./", self.location).href;
const at = (path) => new URL(path, root).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      // "reload": from the server, never a copy the browser's HTTP cache kept from the last build
      .then((cache) => cache.addAll(PRECACHE.map((path) => new Request(at(path), {cache: "reload"}))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith("dienbien-") && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
      .then(saveOpenPages)
  );
});

// The page open when the worker first arrives loaded without it: save it now.
async function saveOpenPages() {
  const cache = await caches.open(CACHE);
  const windows = await self.clients.matchAll({type: "window", includeUncontrolled: true});
  const urls = windows.map((client) => client.url.split("#")[0]).filter((url) => url.startsWith(root));
  await Promise.all(urls.map((url) => cache.match(url).then((saved) => saved || cache.add(url).catch(() => undefined))));
}

function languageOf(url) {
  const path = url.slice(root.length);
  return LANGUAGES.find((lang) => path.startsWith(lang + "/")) || DEFAULT;
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"})[c]);
}

function offlinePage(url) {
  const lang = languageOf(url);
  const text = TEXT[lang];
  const links = PAGES[lang].map((page) =>
    `<li><a href="${escapeHtml(at(page.url))}">${escapeHtml(page.title)}</a></li>`).join("");
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(text.title)}</title>` +
    `<style>body{font:1.1rem/1.6 system-ui,sans-serif;margin:2rem auto;max-width:36rem;padding:0 1rem;color:#1d1d1d}` +
    `a{color:#8a1538}li{margin:.6rem 0}</style></head><body><main><h1>${escapeHtml(text.title)}</h1>` +
    `<p>${escapeHtml(text.body)}</p><ul>${links}</ul></main></body></html>`;
  return new Response(html, {status: 503, headers: {"Content-Type": "text/html; charset=utf-8"}});
}

// Pages: the network first, saved as they arrive; a saved copy when the network fails or is too slow.
async function page(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then((response) => {
    if (response.ok) cache.put(request, response.clone());
    return response;
  });
  const saved = await cache.match(request, {ignoreSearch: true});
  if (!saved) {
    return network.catch(() => offlinePage(request.url));
  }
  const timeout = new Promise((resolve) => setTimeout(() => resolve(saved), PAGE_TIMEOUT));
  return Promise.race([network.catch(() => saved), timeout]);
}

// Files (stylesheets, scripts, images, the search index): a saved copy first, else the network.
async function file(request) {
  const cache = await caches.open(CACHE);
  const saved = await cache.match(request, {ignoreSearch: true});
  if (saved) return saved;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(root)) return;
  if (BYPASS.some((path) => request.url.startsWith(at(path)))) return;
  event.respondWith(request.mode === "navigate" ? page(request) : file(request));
});
