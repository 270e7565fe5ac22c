// Every page's starter, put inline in its <head> (party_site/inline_assets.py says why).
// 1. Web fonts (site.css, .webfonts): where this browser has loaded them before, use them at once.
//    On a first visit site.js asks for them, after the page has painted.
// 2. site.js, the page's small enhancements (the menu button, "copy link", print, fonts, offline
//    reading), is asked for only once the page has loaded and painted (the browser's paint timing;
//    two animation frames where it has none; three seconds after "load" at the latest): on a slow
//    network it never competes with the page's first picture. Everything works without it.
(function (root, starter) {
  "use strict";
  try {
    if (localStorage.getItem("webfonts") == "1") root.classList.add("webfonts");
  } catch (error) {
    // storage refused (private mode): site.js applies the fonts after the first paint
  }
  var asked = false;
  function loadSiteJs() {
    if (asked) return;
    asked = true;
    var script = document.createElement("script");
    script.src = starter.getAttribute("data-src");
    document.head.appendChild(script);
  }
  function afterPaint(then) {
    // a browser that lists paint timing but never reports a paint still gets site.js
    setTimeout(then, 3000);
    var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (types.indexOf("paint") < 0) {
      requestAnimationFrame(function () {
        requestAnimationFrame(then);
      });
      return;
    }
    new PerformanceObserver(function (list, observer) {
      observer.disconnect();
      then();
    }).observe({ type: "paint", buffered: true });
  }
  function start() {
    afterPaint(loadSiteJs);
  }
  if (document.readyState == "complete") start();
  else addEventListener("load", start);
})(document.documentElement, document.currentScript);
