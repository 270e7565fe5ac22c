// "Characters left" under a textarea with maxlength. Optional: without JavaScript the maxlength
// attribute still stops typing at the limit and the help text states it; the server enforces it.
// Markup: <p data-char-count-for="<textarea id>" data-label="…" data-zero="0|٠" hidden></p>
// The visible number follows every keystroke; screen readers hear it (aria-live polite) only
// after a pause in typing, so they are not interrupted at every letter.
(function () {
  "use strict";
  var EASTERN = "٠١٢٣٤٥٦٧٨٩";
  function digits(number, zero) {
    var text = String(number);
    if (zero !== "٠") return text;
    return text.replace(/[0-9]/g, function (d) { return EASTERN.charAt(+d); });
  }
  function length(value) {
    // Count as the browser's maxlength does: a line break is one character.
    return value.replace(/\r\n/g, "\n").length;
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-char-count-for]"), function (output) {
    var field = document.getElementById(output.getAttribute("data-char-count-for"));
    var limit = field && parseInt(field.getAttribute("maxlength"), 10);
    if (!limit) return;
    var visible = document.createElement("span");
    visible.setAttribute("aria-hidden", "true");
    var spoken = document.createElement("span");
    spoken.className = "visually-hidden";
    spoken.setAttribute("aria-live", "polite");
    output.appendChild(visible);
    output.appendChild(spoken);
    var timer = null;
    function text() {
      return output.getAttribute("data-label") + " " + digits(Math.max(0, limit - length(field.value)), output.getAttribute("data-zero"));
    }
    function update() {
      var left = limit - length(field.value);
      visible.textContent = text();
      output.classList.toggle("field__count--low", left <= limit / 10);
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { spoken.textContent = text(); }, 1000);
    }
    output.hidden = false;
    visible.textContent = text();
    field.addEventListener("input", update);
  });
})();
