// The site's web fonts (static/css/site.css, .webfonts). This script runs once the page has loaded
// and painted (boot.js asks for it then), so on a first visit the fonts never compete with the page,
// its styles and its pictures: text shows at once in the phone's own Arabic font, then takes the
// site's. Once they have loaded, this browser has them cached, and boot.js applies them from the
// start of every later page.
(function () {
  "use strict";
  var KEY = "webfonts";
  document.documentElement.classList.add(KEY);
  if (document.fonts && document.fonts.ready) {
    document.fonts.ready.then(function () {
      try {
        window.localStorage.setItem(KEY, "1");
      } catch (error) {
        // storage refused (private mode): the next page applies them after its first paint again
      }
    });
  }
})();

// Small progressive enhancement: the menu works without JavaScript (via #site-menu:target);
// with it, the button toggles the menu in place and says whether it is open.
(function () {
  "use strict";
  var toggle = document.querySelector("[data-menu-toggle]");
  var menu = document.getElementById("site-menu");
  if (!toggle || !menu) return;
  toggle.setAttribute("role", "button");
  toggle.addEventListener("click", function (event) {
    event.preventDefault();
    var open = menu.classList.toggle("is-open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      var first = menu.querySelector("a");
      if (first) first.focus();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.classList.contains("is-open")) {
      menu.classList.remove("is-open");
      toggle.setAttribute("aria-expanded", "false");
      toggle.focus();
    }
  });
})();

// "Copy link" on a post (content/post.html): shown only where this script runs; copies the page's
// address with the Clipboard API, or selects it in a box for the reader to copy by hand. Nothing is
// asked of any other site.
(function () {
  "use strict";
  var button = document.querySelector("[data-copy-link]");
  if (!button) return;
  var status = document.querySelector("[data-copy-status]");
  button.parentNode.hidden = false;
  function say(text) {
    if (status) status.textContent = text;
  }
  function showBox() {
    var box = document.getElementById("copy-link-box");
    if (!box) {
      box = document.createElement("input");
      box.id = "copy-link-box";
      box.className = "share__box";
      box.readOnly = true;
      box.dir = "ltr";
      box.value = button.getAttribute("data-copy-link");
      box.setAttribute("aria-label", button.getAttribute("data-copy-label"));
      status.parentNode.insertBefore(box, status.nextSibling);
    }
    box.focus();
    box.select();
    say(button.getAttribute("data-copy-failed"));
  }
  button.addEventListener("click", function () {
    var url = button.getAttribute("data-copy-link");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () {
        say(button.getAttribute("data-copied"));
      }, showBox);
    } else {
      showBox();
    }
  });
})();

// Print (static/css/print.css): linked now that the page has loaded, for print only, so that no page
// waits for it; then the party's name and this page's address in every printed page's margin, and
// whole addresses after the links of the text. Set through the CSSOM, which the CSP allows.
(function () {
  "use strict";
  var root = document.documentElement;
  var starter = document.querySelector("script[data-print-css]");
  if (starter && !document.querySelector("link[data-print-css]")) {
    var sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.media = "print";
    sheet.href = starter.getAttribute("data-print-css");
    sheet.setAttribute("data-print-css", "");
    document.head.appendChild(sheet);
  }
  var brand = document.querySelector(".brand__name");
  // a post's short address (/<section>/<id>/) is easier to type from paper than its full one
  var canonical = document.querySelector('link[rel="shortlink"]') || document.querySelector('link[rel="canonical"]');
  root.style.setProperty("--print-party", JSON.stringify(brand ? brand.textContent.trim() : ""));
  root.style.setProperty("--print-address", JSON.stringify(canonical ? canonical.href : window.location.href));
  root.style.setProperty("--print-origin", JSON.stringify(window.location.origin));
})();

// Offline reading: our service worker (/sw.js, party_site/offline.py) keeps the pages read here.
// Registered now, after the page has loaded (boot.js), so that it never competes with the page.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register("/sw.js").catch(function () {
    // no worker (private mode, a refusal): the site works as before
  });
})();
