"""Tab through a page and record, for each element that takes focus, whether its focus can be seen."""

# Marks every visible interactive element with data-kb="<n>" and records its look while not focused.
# A radio group counts once, as the browser's Tab order does.
MARK_FOCUSABLES = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, iframe, ' +
                   '[contenteditable=""], [contenteditable="true"], [tabindex]:not([tabindex="-1"])';
  document.activeElement && document.activeElement.blur();
  const found = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.disabled || el.closest('[inert]') || !el.checkVisibility({visibilityProperty: true})) continue;
    if (el.tabIndex < 0) continue;  // taken out of the Tab order on purpose (e.g. a card's duplicate image link)
    if (el.tagName === 'SUMMARY' && el.parentElement.tagName !== 'DETAILS') continue;
    if (el.type === 'radio' && el.name) {
      // A radio group is one Tab stop (arrow keys move inside it): the checked radio, else the first.
      const group = [...(el.form || document).querySelectorAll('input[type=radio]')].filter(r => r.name === el.name);
      const stop = group.find(r => r.checked) || group[0];
      if (el !== stop) continue;
    }
    el.dataset.kb = String(found.length);
    found.push({index: found.length, html: el.outerHTML.slice(0, 140), look: window.__kbLook(el)});
  }
  return found;
}"""

# The parts of an element's look that can show focus, and the colour behind its outline.
DEFINE_LOOK = """() => {
  const parse = (c) => { const m = c.match(/[\\d.]+/g) || [0, 0, 0, 0]; return m.map(Number); };
  const opaque = (c) => { const p = parse(c); return c !== 'transparent' && (p.length < 4 || p[3] > 0.5); };
  const luminance = (c) => {
    const [r, g, b] = parse(c).slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  window.__kbContrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  window.__kbLook = (el) => {
    const s = getComputedStyle(el);
    let behind = el.parentElement, background = 'rgb(255, 255, 255)';
    while (behind) {
      const c = getComputedStyle(behind).backgroundColor;
      if (opaque(c)) { background = c; break; }
      behind = behind.parentElement;
    }
    return {outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, outlineStyle: s.outlineStyle,
            outlineWidth: parseFloat(s.outlineWidth), outlineColor: s.outlineColor, boxShadow: s.boxShadow,
            background, textDecoration: s.textDecorationLine, color: s.color, backgroundColor: s.backgroundColor};
  };
}"""

# Records each element as it takes focus (so Tab can be pressed without a round trip per element).
RECORD_FOCUS = """() => {
  window.__kbVisits = [];
  document.addEventListener('focusin', () => {
    const el = document.activeElement;
    const rect = el.getBoundingClientRect();
    const look = window.__kbLook(el);
    window.__kbVisits.push({index: el.dataset.kb === undefined ? null : Number(el.dataset.kb),
      html: el.outerHTML.slice(0, 140), look, outlineContrast: window.__kbContrast(look.outlineColor, look.background),
      onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 &&
                rect.left < innerWidth && rect.top < innerHeight});
  });
}"""


def focus_problem(before, focused):
    """Why focus on this element cannot be seen, or None when it can.

    Visible means: a solid outline at least 2 px wide with 3:1 contrast against what is behind it (WCAG 1.4.11),
    or a box-shadow that was not there before focus.
    """
    look = focused["look"]
    if not focused["onScreen"]:
        return "is focused off screen"
    if look["outlineStyle"] not in ("none", "hidden") and look["outlineWidth"] >= 2:
        if look["outline"] == before["outline"]:
            return f"has the same outline focused and not ({look['outline']})"
        if focused["outlineContrast"] < 3:
            return f"outline {look['outlineColor']} has {focused['outlineContrast']:.2f}:1 against {look['background']}"
        return None
    if look["boxShadow"] != "none" and look["boxShadow"] != before["boxShadow"]:
        return None
    return f"shows no focus indicator (outline {look['outline']}, box-shadow {look['boxShadow']})"


def tab_through(page):
    """Press Tab once more than there are interactive elements; return (focusables, visits in order).

    The visits stop where focus leaves the document or comes back round to the first element.
    """
    page.evaluate(DEFINE_LOOK)
    focusables = page.evaluate(MARK_FOCUSABLES)
    page.evaluate(RECORD_FOCUS)
    for _ in range(len(focusables) + 2):
        page.keyboard.press("Tab")
    visits = []
    for visit in page.evaluate("() => window.__kbVisits"):
        if visits and visit["index"] is not None and visit["index"] == visits[0]["index"]:
            break
        visits.append(visit)
    return focusables, visits


def keyboard_problems(page):
    """Everything wrong with the page's keyboard use: elements never reached, and focus that cannot be seen."""
    focusables, visits = tab_through(page)
    problems = []
    reached = {visit["index"] for visit in visits}
    for item in focusables:
        if item["index"] not in reached:
            problems.append(f"never reached by Tab: {item['html']}")
    for visit in visits:
        if visit["index"] is None:
            continue  # something focusable that is not an interactive element (e.g. main after the skip link)
        why = focus_problem(focusables[visit["index"]]["look"], visit)
        if why:
            problems.append(f"{why}: {visit['html']}")
    return problems
