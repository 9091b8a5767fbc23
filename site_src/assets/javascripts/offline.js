// Saves pages for reading without a connection (the service worker at the site's root,
// written by the build) and says so while the visitor is offline.
(function () {
  "use strict";
  var script = document.currentScript;
  function register() {
    navigator.serviceWorker.register(script.dataset.worker, {scope: script.dataset.scope})
      .catch(function () { /* no worker (e.g. a file:// preview): the site works as before */ });
  }
  if ("serviceWorker" in navigator && script && script.dataset.worker) {
    // After the page has loaded and the browser is idle: saving never slows the page being read.
    window.addEventListener("load", function () {
      if ("requestIdleCallback" in window) {
        window.requestIdleCallback(register, {timeout: 3000});
      } else {
        window.setTimeout(register, 1000);
      }
    });
  }
  function show() {
    var notice = document.getElementById("db-offline");
    if (notice) notice.hidden = navigator.onLine;
  }
  window.addEventListener("online", show);
  window.addEventListener("offline", show);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
})();
