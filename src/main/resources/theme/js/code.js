/* Code blocks on essay pages: syntax highlighting with highlight.js and a copy button on every
   block. Without JavaScript the code is plain, readable monospace.
   Highlighting costs the main thread (a long essay's blocks took a third of a second on a phone),
   so it happens only where the reader is: highlight.js (this script's data-highlight, prefetched
   by the page) runs once a block comes near the viewport, and each block is highlighted in a task
   of its own as it comes near. Highlighting only recolours: nothing moves. */
(function () {
  'use strict';
  var source = document.currentScript && document.currentScript.getAttribute('data-highlight');
  var waiting = []; // blocks near the viewport before highlight.js arrived
  var requested = false;

  function highlight(code) {
    var language = code.className.replace(/.*language-(\S+).*/, '$1');
    if (window.hljs.getLanguage(language)) {
      window.hljs.highlightElement(code);
    }
  }

  function near(code) {
    if (window.hljs) {
      setTimeout(highlight, 0, code);
      return;
    }
    waiting.push(code);
    if (!requested && source) {
      requested = true;
      var script = document.createElement('script');
      script.src = source;
      script.onload = function () {
        waiting.forEach(function (block) { setTimeout(highlight, 0, block); });
        waiting = [];
      };
      document.head.appendChild(script);
    }
  }

  var blocks = document.querySelectorAll('pre code[class*="language-"]');
  if ('IntersectionObserver' in window) {
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          near(entry.target);
        }
      });
    }, { rootMargin: '400px 0px' });
    blocks.forEach(function (code) { observer.observe(code); });
  } else {
    blocks.forEach(near);
  }

  if (!navigator.clipboard) {
    return; // insecure context or old browser: no button rather than a broken one
  }
  document.querySelectorAll('.prose pre').forEach(function (pre) {
    var frame = document.createElement('div');
    frame.className = 'code-frame';
    pre.parentNode.insertBefore(frame, pre);
    frame.appendChild(pre);
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy code to clipboard');
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(pre.innerText.replace(/\n$/, '')).then(function () {
        button.textContent = 'Copied';
        setTimeout(function () { button.textContent = 'Copy'; }, 2000);
      }, function () {
        button.textContent = 'Press Ctrl+C';
      });
    });
    frame.appendChild(button);
  });
})();
