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
