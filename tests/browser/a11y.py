"""axe-core, as shipped by axe-playwright-python, patched so colour contrast covers Arabic and Kurdish text.

axe's colour-contrast rule first drops text it takes for an icon-font ligature: it draws the first character
and the whole text on a canvas and, when they overlap too much, decides the text is an icon. Connected
Arabic script looks exactly like that to the heuristic, so most Arabic words were never checked.
The site uses no icon fonts (its icons are SVG), so the heuristic is switched off in the injected source:
every text node is treated as text. tests/browser/test_accessibility.py proves the patched rule fails
low-contrast Arabic and passes readable Arabic.
"""

import json
import re

from axe_playwright_python.base import AXE_SCRIPT

# The ligature test is the only function in axe that asks the canvas for `willReadFrequently`.
_ANCHOR = "willReadFrequently"


def _without_icon_ligature_heuristic(source: str) -> str:
    anchor = source.find(_ANCHOR)
    starts = [m for m in re.finditer(r"function\s*([\w$]+)\s*\([^)]*\)\s*\{", source[:anchor])]
    if anchor < 0 or not starts:
        raise RuntimeError("axe-core changed: cannot find its icon-ligature test to switch it off")
    opening = starts[-1].end()
    return source[:opening] + "return!1;" + source[opening:]


STOCK_AXE = AXE_SCRIPT
PATCHED_AXE = _without_icon_ligature_heuristic(AXE_SCRIPT)

# WCAG 2.1 A and AA plus axe's best practices; this is what "zero violations" means for the site.
RUN_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}


def run_axe(page, source=PATCHED_AXE, options=RUN_OPTIONS):
    """Inject axe into the page and return its violations (a list of axe's result dicts)."""
    page.evaluate(source)
    return page.evaluate(f"() => axe.run(document, {json.dumps(options)}).then(r => r.violations)")


def describe(violations):
    """One readable line per failing element: rule, impact, selector and axe's own explanation."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"{violation['id']} ({violation['impact']}) {node['target']}: {summary}")
    return "\n".join(lines)
