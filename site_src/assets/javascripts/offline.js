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
    // Five seconds after the page has loaded, when the browser is idle: on a weak connection the
    // essentials it saves never compete with the page being read, its images or its first taps.
    window.addEventListener("load", function () {
      window.setTimeout(function () {
        if ("requestIdleCallback" in window) {
          window.requestIdleCallback(register, {timeout: 5000});
        } else {
          register();
        }
      }, 5000);
    });
  }
  function show() {
    var notice = document.getElementById("db-offline");
    // Touch the page only when the notice must change: online, a page loads as it was sent.
    if (notice && notice.hidden !== navigator.onLine) notice.hidden = navigator.onLine;
  }
  window.addEventListener("online", show);
  window.addEventListener("offline", show);
  if (!navigator.onLine) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", show);
    } else {
      show();
    }
  }
})();
