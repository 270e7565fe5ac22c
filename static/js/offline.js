// The offline page (templates/offline.html): lists the pages the service worker kept on this
// device (party_site/offline.py), in the reader's language, with their titles.
(function () {
  "use strict";
  var list = document.querySelector("[data-saved-pages]");
  if (!list || !window.caches) return;
  var prefix = list.getAttribute("data-language-prefix");
  var others = ["/en/", "/ckb/"];
  function sameLanguage(path) {
    if (prefix) return path.indexOf(prefix) === 0;
    return others.every(function (other) {
      return path.indexOf(other) !== 0;
    });
  }
  function title(html) {
    var match = /<title>([^<]*)<\/title>/.exec(html);
    var text = document.createElement("textarea");
    text.innerHTML = match ? match[1] : "";
    return text.value.split(" · ")[0];
  }
  caches.keys().then(function (names) {
    var name = names.filter(function (n) { return n.indexOf("party-pages-") === 0; })[0];
    if (!name) return;
    caches.open(name).then(function (cache) {
      cache.keys().then(function (requests) {
        requests.forEach(function (request) {
          var url = new URL(request.url);
          if (!sameLanguage(url.pathname) || /\/offline\/$/.test(url.pathname) || url.pathname === (prefix || "/")) return;
          cache.match(request).then(function (response) {
            return response.text();
          }).then(function (html) {
            var item = document.createElement("li");
            var link = document.createElement("a");
            link.href = url.pathname + url.search;
            link.textContent = title(html) || url.pathname;
            item.appendChild(link);
            list.appendChild(item);
          });
        });
      });
    });
  });
})();
