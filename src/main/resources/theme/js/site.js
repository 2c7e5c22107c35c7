/* Every page: loaded as a blocking script in <head> so the reader's saved theme applies before
   the first paint (no flash of the wrong theme). Without a saved choice the page follows
   prefers-color-scheme through CSS alone; the toggle stores "light" or "dark" in localStorage.
   Nothing moves once painted (no layout shift): the "js" class set here makes the theme toggle
   visible in the place the stylesheet keeps for it, and the table of contents, sent collapsed,
   opens only on wide screens, where it sits in a column of its own beside the essay. */
(function () {
  'use strict';
  var KEY = 'essayist-theme';
  var root = document.documentElement;
  var dark = window.matchMedia('(prefers-color-scheme: dark)');

  function saved() {
    try {
      var value = window.localStorage.getItem(KEY);
      return value === 'light' || value === 'dark' ? value : null;
    } catch (e) {
      return null; // storage disabled: follow the system setting
    }
  }

  function current() {
    return root.getAttribute('data-theme') || (dark.matches ? 'dark' : 'light');
  }

  root.classList.add('js');
  var choice = saved();
  if (choice) {
    root.setAttribute('data-theme', choice);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var toc = document.querySelector('.toc details');
    if (toc && window.matchMedia('(min-width: 76rem)').matches) {
      toc.open = true;
    }
    var button = document.querySelector('.theme-toggle');
    if (!button) {
      return;
    }
    function show() {
      button.setAttribute('aria-pressed', current() === 'dark' ? 'true' : 'false');
    }
    show();
    button.addEventListener('click', function () {
      var next = current() === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try {
        window.localStorage.setItem(KEY, next);
      } catch (e) {
        // storage disabled: the choice lasts for this page only
      }
      show();
    });
    dark.addEventListener('change', show);
  });
})();
