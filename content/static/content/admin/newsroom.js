/* The translation tabs (django-modeltranslation) name each language in that language,
   العربية / English / کوردی, instead of its code, on each tab and in the switch at the top of the form. The tabs are built by jQuery when the page is
   ready, and again for each inline row added: rename them whenever they appear. */
"use strict";
(function () {
  var NAMES = { ar: "العربية", en: "English", ckb: "کوردی" };
  function nameTabs() {
    var links = document.querySelectorAll(".ui-tabs-nav a, #modeltranslation-main-switch option");
    links.forEach(function (link) {
      var code = link.textContent.trim().toLowerCase();
      if (Object.prototype.hasOwnProperty.call(NAMES, code)) {
        link.textContent = NAMES[code];
        link.setAttribute("lang", code);
        link.removeAttribute("title");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    nameTabs();
    new MutationObserver(nameTabs).observe(document.body, { childList: true, subtree: true });
  });
})();
