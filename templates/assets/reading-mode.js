/* sitegen default theme: remembers the reading mode (大字号 · 高对比度) from page to page, and
   makes a scrolling box a Tab stop only while it has something to scroll (at the end of this file).

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
   page: it runs once the page is parsed, just before DOMContentLoaded. That
   can come after the first paint: on a slow phone (400 ms latency, a CPU
   four times slower) every page painted at the normal size, then grew. So
   base.html ticks the remembered box itself, in one inline line right after
   it, with this script's key, before the page below is parsed; this script
   carries the earlier key over, keeps the choice and follows it (Back,
   another tab). A render-blocking script would hold up every page for every
   reader (most never use the mode) whenever this file is slow.

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

/* A box that scrolls sideways (.table-scroll, and .chart-large-box of partials/chart.html) comes with
   tabindex="0", so that a keyboard can reach it and scroll it with the arrow keys (WCAG 2.1.1). That is
   the page without JavaScript, the safe default. Here a box whose content fits leaves the Tab order
   (the attribute is removed; a screen reader still finds it as a named region) and comes back
   whenever its content no longer fits: on a narrower window, a larger text (the reading mode above,
   the browser's font size, zoom), a chart shown in place of the other, a <details> opened. A
   ResizeObserver watches each box and its content, so every one of these is seen once laid out; a
   box shown only by the stylesheet (hidden, display: none) has no size and is out of the Tab order
   anyway. A browser without ResizeObserver keeps every box a Tab stop. The box that has the focus
   is left as it is until it loses it, so the reader's place is never lost. */
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".table-scroll[tabindex='0'], .chart-large-box[tabindex='0']");
  if (!boxes.length || !window.ResizeObserver) {
    return;
  }
  /* A table wider than its box shows a line above it saying that it scrolls: the shadow at its edge alone
     was missed by older readers, who then never saw the columns on the right (收集, 已解决…). Hidden from
     screen readers, which read a table by its cells. */
  function hint(box, wide) {
    var line = box.previousElementSibling;
    var shown = line !== null && line.className === "scroll-hint";
    if (wide && !shown && box.classList.contains("table-scroll")) {
      line = document.createElement("p");
      line.className = "scroll-hint";
      line.setAttribute("aria-hidden", "true");
      line.textContent = "表格较宽，可左右滑动查看 →";
      box.parentNode.insertBefore(line, box);
    } else if (!wide && shown) {
      line.parentNode.removeChild(line);
    }
  }
  function update() {
    for (var i = 0; i < boxes.length; i += 1) {
      var box = boxes[i];
      var wide = box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight;
      if (wide) {
        box.setAttribute("tabindex", "0");
      } else if (box !== document.activeElement) {
        box.removeAttribute("tabindex");
      }
      hint(box, box.scrollWidth > box.clientWidth);
    }
  }
  var observer = new ResizeObserver(update);
  for (var i = 0; i < boxes.length; i += 1) {
    observer.observe(boxes[i]);
    if (boxes[i].firstElementChild) {
      observer.observe(boxes[i].firstElementChild);
    }
  }
  document.addEventListener("focusout", function () {
    window.setTimeout(update);
  });
}());
