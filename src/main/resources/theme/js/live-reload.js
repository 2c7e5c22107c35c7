/* Preview mode only (ESSAYIST_PREVIEW=true): reload this page when a post is saved. The server
   sends a "change" event on /_preview/events after every reindex that wrote; EventSource
   reconnects by itself after a restart. Outside preview mode this file is never loaded. */
(function () {
  'use strict';
  if (!window.EventSource) {
    return;
  }
  var events = new EventSource('/_preview/events');
  events.addEventListener('ready', function () {
    document.documentElement.setAttribute('data-live-reload', 'ready'); // listening: a save now reloads
  });
  events.addEventListener('change', function () {
    window.location.reload();
  });
})();
