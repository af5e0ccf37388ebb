/* sitegen default theme: remembers the reading mode (大字号 · 高对比度) from page to page.

   Progressive enhancement. The mode itself is the checkbox #reading-mode and
   the stylesheet (".reading-mode:checked ~ .page"): it works without this
   script, one page at a time. With it, the reader's choice is kept in this
   browser's localStorage ("sitegen-reading-mode" = "on"; nothing is kept
   while the mode is off) and the box is ticked again on every page of the
   site. No cookie, nothing sent anywhere, no other script.

   The key names the site's folder on its host, as seen from this script's
   own address (<site>/assets/reading-mode.js): "sitegen-reading-mode:/" at
   the root of a host, "sitegen-reading-mode:/qingpu/diaoyan/" under a
   sub-path. localStorage is shared by every page of a host, so two sites
   published under two sub-paths of one host each keep their own choice.
   The key of earlier versions, "sitegen-reading-mode" for the whole host,
   is carried over once to the first site of the host read after it, and
   removed, so a reader who had the mode on keeps it.

   Loaded with `defer` from the <head> (base.html), so it never holds up the
   page: it runs once the page is parsed, just before DOMContentLoaded. When
   this file is fresh in the browser's cache (as a rule, on every page after
   the first) that is before the first paint, and the page opens in the mode. When it arrives later than the
   stylesheet (a slow connection that must ask the server again), the first
   paint can show the normal size for a moment before the text grows:
   measured in Chromium at 400 ms latency, 17 ms on one page of five. We
   accept that rare moment rather than a render-blocking script before the
   page, which would hold up every page for every reader (most never use the
   mode) whenever this file is slow, or an inline script, which the theme
   keeps out of its pages (the search page's Pagefind set-up aside).

   Storage may be missing or refuse access (private browsing, storage
   turned off, a page opened from file://): every access is in try/catch,
   and then the switch simply works per page, as without JavaScript. */
(function () {
  "use strict";
  var box = document.getElementById("reading-mode");
  var script = document.currentScript;
  if (!box || !script) {
    return;
  }
  var KEY = "sitegen-reading-mode:" + new URL("..", script.src).pathname;
  var EARLIER_KEY = "sitegen-reading-mode";

  try {
    if (window.localStorage.getItem(EARLIER_KEY) === "on" && window.localStorage.getItem(KEY) === null) {
      window.localStorage.setItem(KEY, "on");
    }
    window.localStorage.removeItem(EARLIER_KEY);
  } catch (error) {
    /* storage cannot be used: nothing to carry over */
  }

  /* true or false as stored; null when storage cannot be read. */
  function stored() {
    try {
      return window.localStorage.getItem(KEY) === "on";
    } catch (error) {
      return null;
    }
  }

  function remember(on) {
    try {
      if (on) {
        window.localStorage.setItem(KEY, "on");
      } else {
        window.localStorage.removeItem(KEY);
      }
    } catch (error) {
      /* not kept: the mode still works on this page */
    }
  }

  /* Tick or untick the box as remembered (left as it is when storage cannot be read). */
  function restore() {
    var on = stored();
    if (on !== null && box.checked !== on) {
      box.checked = on;
    }
  }

  restore();
  box.addEventListener("change", function () {
    remember(box.checked);
  });
  /* A page shown again by Back or Forward comes with its old state: from the back/forward
     cache as it was left, or with the box as it was put back by the browser after load
     (Chromium restores form fields then, after this script has run). Bring it up to date. */
  window.addEventListener("pageshow", restore);
  /* The reader changed the mode in another tab of the site. */
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) {
      restore();
    }
  });
}());
