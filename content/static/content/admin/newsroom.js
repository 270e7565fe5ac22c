/* The translation tabs (django-modeltranslation) name each language in that language,
   العربية / English / کوردی, instead of its code. Runs after the tabs are built (on load). */
"use strict";
(function () {
  var NAMES = { ar: "العربية", en: "English", ckb: "کوردی" };
  function nameTabs() {
    document.querySelectorAll(".ui-tabs-nav a").forEach(function (link) {
      var code = link.textContent.trim().toLowerCase();
      if (Object.prototype.hasOwnProperty.call(NAMES, code)) {
        link.textContent = NAMES[code];
        link.setAttribute("lang", code);
        link.removeAttribute("title");
      }
    });
  }
  window.addEventListener("load", nameTabs);
})();
