// Click-to-play videos: the page shows a local poster and a link to the video's site. Only when
// the visitor presses play is the player (youtube-nocookie.com or player.vimeo.com) loaded, in
// place of the poster. Without JavaScript the link simply opens the video on its own site.
(function () {
  "use strict";
  document.querySelectorAll("a[data-embed]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = link.getAttribute("data-embed");
      frame.title = link.getAttribute("data-title") || "";
      frame.className = "video__frame";
      frame.setAttribute("allow", "autoplay; encrypted-media; picture-in-picture; fullscreen");
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      link.replaceWith(frame);
      frame.focus();
    });
  });
})();
