#!/usr/bin/env python3
"""Build the subsetted web fonts in static/fonts/ (IBM Plex Sans Arabic).

Source: npm package @ibm/plex-sans-arabic (IBM's official release, OFL-1.1),
its fonts/complete/woff2/IBMPlexSansArabic-{Regular,Bold}.woff2.

How to run (from the repo root), in a throwaway virtualenv, not the project's:

    python3 -m venv /tmp/fontvenv
    /tmp/fontvenv/bin/pip install fonttools brotli
    /tmp/fontvenv/bin/python scripts/subset_fonts.py

Without --src the script fetches the pinned package itself with
`npm pack @ibm/plex-sans-arabic@1.1.0` into a temporary directory (npm pack
only downloads the tarball; it runs no install scripts). To use an already
unpacked package instead:

    npm pack @ibm/plex-sans-arabic@1.1.0 && tar xzf ibm-plex-sans-arabic-1.1.0.tgz
    /tmp/fontvenv/bin/python scripts/subset_fonts.py --src package/fonts/complete/woff2

Output: static/fonts/ibm-plex-sans-arabic-{400,700}.woff2, then every
output file is checked with fontTools: all the required code points
(Arabic letters, the Sorani Kurdish letters, Arabic-Indic digits, Arabic
punctuation, Basic Latin, Latin-1) must be in the cmap and the Arabic
shaping features must be in GSUB/GPOS; the script exits non-zero if not.

Two weights, not three: a first visit on a slow phone network pays for every
font file, so the site uses regular (400) for text and bold (700) for
headings and everything emphasised; CSS maps font-weight 600 to the bold
file too (its @font-face covers 600-700), so nothing is synthesised.

The subset keeps only what the site's three languages write (about 750
glyphs of the 1,700): the Arabic letters, harakat and digits, the letters
Sorani adds, Western and Eastern Arabic digits, the punctuation in use, Basic
Latin and Latin-1. It leaves out other languages' letters (Urdu, Sindhi, the
Arabic Supplement block), Quranic marks, the presentation-form code points
(browsers shape from the base letters through GSUB, so the glyphs that
shaping needs stay) and the optional OpenType features the CSS never asks for
(fractions, superiors, stylistic sets, discretionary ligatures). A letter
outside the subset still shows, in the visitor's system font.

Each weight is the same as running:

    pyftsubset IBMPlexSansArabic-Regular.woff2 --flavor=woff2 --no-hinting \
      --unicodes="$UNICODES" --layout-features="$LAYOUT_FEATURES" \
      --output-file=static/fonts/ibm-plex-sans-arabic-400.woff2

with UNICODES and LAYOUT_FEATURES as below, followed by renaming the font
inside (name table) from "IBM Plex Sans Arabic" to "Site Sans Arabic":
"Plex" is an OFL Reserved Font Name, which a modified (subsetted) font may
not use as its name.

--no-hinting drops the TrueType hinting instructions (about 25% smaller);
pass --keep-hinting to keep them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

NPM_PACKAGE = "@ibm/plex-sans-arabic"
NPM_VERSION = "1.1.0"
FAMILY_SLUG = "ibm-plex-sans-arabic"  # output file names only

# "Plex" is a Reserved Font Name under the OFL, and a subset is a "Modified
# Version", which may not use that name as the name presented to users. So
# the subsets get this family name inside the font, and CSS should use the
# same name. The copyright notice (name ID 0) stays as it is.
RENAMED_FAMILY = "Site Sans Arabic"
RENAME = [("IBM Plex Sans Arabic", RENAMED_FAMILY), ("IBMPlexSansArabic", RENAMED_FAMILY.replace(" ", ""))]

# CSS weight -> file name inside the package's fonts/complete/woff2/
WEIGHTS = {
    400: "IBMPlexSansArabic-Regular.woff2",
    700: "IBMPlexSansArabic-Bold.woff2",
}

UNICODES = ",".join(
    [
        "U+060C,U+061B,U+061F",  # Arabic comma, semicolon, question mark
        "U+0621-063A,U+0640-0655",  # Arabic letters, tatweel, harakat, hamza above/below
        "U+0660-066D,U+0670",  # Arabic-Indic digits, percent, decimal and thousands separators; dagger alef
        # the letters Sorani adds: پ چ ڕ ژ ڤ ک گ ڵ ھ ۆ ی ێ ە
        "U+067E,U+0686,U+0695,U+0698,U+06A4,U+06A9,U+06AF,U+06B5,U+06BE,U+06C6,U+06CC,U+06CE,U+06D5",
        "U+06F0-06F9",  # Extended Arabic-Indic digits
        "U+200C-200F",  # ZWNJ, ZWJ, LRM, RLM
        "U+2010-2027,U+2030,U+2039,U+203A,U+20AC,U+2212",  # dashes, quotes, bullet, ellipsis, per mille, euro, minus
        "U+2190,U+2192",  # the arrows of .link-arrow
        "U+0020-007E,U+00A0-00FF",  # Basic Latin, Latin-1 Supplement
    ]
)

# Exactly these OpenType features (pyftsubset's defaults would add fractions,
# numerators, superiors and the like, which the site never asks for): Arabic
# joining and its required ligatures, mark positioning and kerning. (The font
# has no tnum: its figures are already of one width.)
LAYOUT_FEATURES = [
    "ccmp",
    "locl",
    "isol",
    "init",
    "medi",
    "fina",
    "rlig",
    "liga",
    "calt",
    "curs",
    "kern",
    "mark",
    "mkmk",
]

# --- verification ---------------------------------------------------------
REQUIRED = {
    "Sorani Kurdish letters": "ڕڵۆێەڤپچگژیک",
    "Sorani heh doachashmee": "ھ",
    "Arabic letters": "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي",
    "Arabic-Indic digits": "٠١٢٣٤٥٦٧٨٩",
    "Extended Arabic-Indic digits": "۰۱۲۳۴۵۶۷۸۹",
    "Arabic punctuation": "،؛؟ـ",
    "Basic Latin": "".join(chr(c) for c in range(0x20, 0x7F)),
    "Latin-1": "".join(chr(c) for c in range(0xA0, 0x100)),
    "Typographic punctuation": "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u20ac\u2190\u2192",
}
REQUIRED_GSUB = {"init", "medi", "fina", "liga", "rlig"}
REQUIRED_GPOS = {"mark", "mkmk", "kern"}


def fetch_package(workdir: Path) -> Path:
    """npm pack the pinned package into workdir, return its woff2 directory."""
    spec = f"{NPM_PACKAGE}@{NPM_VERSION}"
    print(f"npm pack {spec}", file=sys.stderr)
    out = (
        subprocess.run(
            ["npm", "pack", spec, "--silent"],
            cwd=workdir,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    with tarfile.open(workdir / out) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package" / "fonts" / "complete" / "woff2"


def subset_one(src: Path, dst: Path, keep_hinting: bool) -> None:
    args = [
        str(src),
        f"--unicodes={UNICODES}",
        "--flavor=woff2",
        f"--layout-features={','.join(LAYOUT_FEATURES)}",
        f"--output-file={dst}",
    ]
    if not keep_hinting:
        args.append("--no-hinting")
    subset.main(args)
    rename(dst, src)


def rename(path: Path, src: Path) -> None:
    """Replace the Reserved Font Name in the family/full/PostScript/unique names.

    Also keeps the source's head.modified date, so that reruns give
    byte-identical files.
    """
    font = TTFont(path, recalcTimestamp=False)
    font["head"].modified = TTFont(src, lazy=True)["head"].modified
    for rec in font["name"].names:
        if rec.nameID in (1, 3, 4, 6, 16, 18, 21):
            text = rec.toUnicode()
            for old, new in RENAME:
                text = text.replace(old, new)
            rec.string = text
    font.save(path)


def features(font: TTFont, tag: str) -> set[str]:
    if tag not in font:
        return set()
    return {r.FeatureTag for r in font[tag].table.FeatureList.FeatureRecord}


def verify(path: Path) -> bool:
    font = TTFont(path)
    cmap = font.getBestCmap()
    ok = True
    family = font["name"].getDebugName(1)
    print(
        f"{path.name}: {path.stat().st_size} bytes, family {family!r}, "
        f"{len(font.getGlyphOrder())} glyphs, {len(cmap)} code points"
    )
    for label, chars in REQUIRED.items():
        missing = [f"U+{ord(c):04X}" for c in chars if ord(c) not in cmap]
        status = "OK" if not missing else "MISSING " + " ".join(missing)
        print(f"  {label}: {len(chars) - len(missing)}/{len(chars)} {status}")
        ok &= not missing
    names = " ".join(r.toUnicode() for r in font["name"].names if r.nameID != 0)
    if "Plex" in names:
        print("  Reserved Font Name 'Plex' still in the name table")
        ok = False
    gsub, gpos = features(font, "GSUB"), features(font, "GPOS")
    print(f"  GSUB: {' '.join(sorted(gsub))}")
    print(f"  GPOS: {' '.join(sorted(gpos))}")
    for tag, need, have in (("GSUB", REQUIRED_GSUB, gsub), ("GPOS", REQUIRED_GPOS, gpos)):
        if need - have:
            print(f"  MISSING {tag} features: {' '.join(sorted(need - have))}")
            ok = False
    return ok


def main() -> int:
    repo = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--src",
        type=Path,
        help="directory holding the package's IBMPlexSansArabic-*.woff2 "
        "(default: npm pack the pinned package into a temp dir)",
    )
    ap.add_argument("--out", type=Path, default=repo / "static" / "fonts")
    ap.add_argument("--keep-hinting", action="store_true")
    opts = ap.parse_args()

    opts.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = opts.src or fetch_package(Path(tmp))
        ok = True
        for weight, name in WEIGHTS.items():
            dst = opts.out / f"{FAMILY_SLUG}-{weight}.woff2"
            subset_one(src / name, dst, opts.keep_hinting)
            ok &= verify(dst)
    print("all checks passed" if ok else "VERIFICATION FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
