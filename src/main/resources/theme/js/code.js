/* Code blocks on essay pages: syntax highlighting with highlight.js (loaded before this file,
   only on pages that have code) and a copy button on every block. Without JavaScript the code
   is plain, readable monospace. */
(function () {
  'use strict';
  if (window.hljs) {
    document.querySelectorAll('pre code[class*="language-"]').forEach(function (code) {
      var language = code.className.replace(/.*language-(\S+).*/, '$1');
      if (window.hljs.getLanguage(language)) {
        window.hljs.highlightElement(code);
      }
    });
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
