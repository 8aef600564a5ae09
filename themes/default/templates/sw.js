{#- The service worker: pages come from the network first, and from the cache only when
    the network fails, so a buyer never sees an old page after a new deploy. Each build
    has its own page cache; images keep their names for ever, so their cache is shared. -#}
"use strict";
var VERSION = {{ version | tojson }}, PAGES = "pages-" + VERSION, IMAGES = "images";
var OFFLINE = {{ offline | tojson }}, PRECACHE = {{ precache | tojson }}, IMG = {{ images | tojson }};
var MAX_IMAGES = 300;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(PAGES).then(function (cache) { return cache.addAll(PRECACHE); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key !== PAGES && key !== IMAGES; })
      .map(function (key) { return caches.delete(key); }));
  }).then(trimImages).then(function () { return self.clients.claim(); }));
});

function trimImages() {
  return caches.open(IMAGES).then(function (cache) {
    return cache.keys().then(function (keys) {
      return Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_IMAGES))
        .map(function (key) { return cache.delete(key); }));
    });
  });
}

function keep(name, request, response) {
  if (response.ok) {
    var copy = response.clone();
    caches.open(name).then(function (cache) { return cache.put(request, copy); });
  }
  return response;
}

self.addEventListener("fetch", function (event) {
  var request = event.request, url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin) return;
  if (url.pathname.indexOf(IMG) === 0) {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) { return keep(IMAGES, request, response); });
    }));
    return;
  }
  event.respondWith(fetch(request).then(function (response) {
    return keep(PAGES, request, response);
  }).catch(function () {
    var navigating = request.mode === "navigate";
    return caches.match(request, {ignoreSearch: navigating}).then(function (hit) {
      return hit || (navigating ? caches.match(OFFLINE) : Response.error());
    });
  }));
});
