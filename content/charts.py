"""Charts from numbers staff type in the admin: parsed, checked, drawn as SVG on the server
and offered as CSV. No chart JavaScript: the page carries an accessible SVG and a data table.

Right-to-left pages draw the category axis from right to left, with the value axis on the right.
"""

import csv
import io
import math
import re

from django.conf import settings
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from party_site.text import local_digits, to_western_digits

_NUMBER = re.compile(r"^[-+−]?\d+(?:\.\d+)?$")
_SEPARATORS = re.compile(r"[,،;\s]+")

WIDTH, HEIGHT = 640, 360
PAD_AXIS, PAD_FAR, PAD_TOP, PAD_BOTTOM = 64, 16, 20, 56
SERIES_CLASSES = 6


def lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# Larger numbers are not statistics but typing errors; far larger ones become infinity.
MAX_MAGNITUDE = 1e15


class NumberTooLarge(ValueError):
    pass


def parse_number(text):
    text = to_western_digits(text).replace("٫", ".").replace("٬", "").replace("−", "-")
    if not _NUMBER.match(text):
        raise ValueError(text)
    value = float(text)
    if not math.isfinite(value) or abs(value) >= MAX_MAGNITUDE:
        raise NumberTooLarge(text)
    return value


def parse_values(text):
    """[[float, …] per series] from lines of numbers; ValueError naming the bad piece."""
    rows = []
    for line in lines(text):
        rows.append([parse_number(piece) for piece in _SEPARATORS.split(line) if piece])
    return rows


def chart_errors(chart):
    """{field: message} for a chart whose labels, names and numbers do not fit together."""
    errors = {}
    labels = lines(chart.labels_ar if hasattr(chart, "labels_ar") else chart.labels)
    names = lines(chart.series_names_ar if hasattr(chart, "series_names_ar") else chart.series_names)
    if not labels:
        errors["labels_ar"] = _("Enter at least one label, one per line.")
    if not names:
        errors["series_names_ar"] = _("Enter at least one series name, one per line.")
    try:
        rows = parse_values(chart.values)
    except NumberTooLarge as error:
        piece = error.args[0]
        errors["values"] = _("“%(piece)s” is too large for a chart: numbers must be under a thousand trillion.") % {
            "piece": piece if len(piece) <= 24 else piece[:20] + "…"
        }
        return errors
    except ValueError as error:
        errors["values"] = _("“%(piece)s” is not a number.") % {"piece": error.args[0]}
        return errors
    if errors:
        return errors
    if len(rows) != len(names):
        errors["values"] = _("There are %(names)d series names but %(rows)d lines of numbers.") % {
            "names": len(names),
            "rows": len(rows),
        }
    for number, row in enumerate(rows, start=1):
        if len(row) != len(labels):
            errors["values"] = _("Line %(line)d has %(count)d numbers; there are %(labels)d labels.") % {
                "line": number,
                "count": len(row),
                "labels": len(labels),
            }
            break
    for language in settings.MODELTRANSLATION_LANGUAGES:
        if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
            continue
        for field, expected in (("labels", len(labels)), ("series_names", len(names))):
            translated = lines(getattr(chart, f"{field}_{language}", "") or "")
            if translated and len(translated) != expected:
                errors[f"{field}_{language}"] = _(
                    "The translation has %(count)d lines; the Arabic has %(expected)d."
                ) % {"count": len(translated), "expected": expected}
    return errors


class ChartData:
    """A chart's labels, series and numbers in the active language (Arabic when untranslated)."""

    def __init__(self, chart):
        self.chart = chart
        self.labels = lines(chart.labels)
        names = lines(chart.series_names)
        rows = parse_values(chart.values)
        self.series = list(zip(names, rows, strict=False))

    @property
    def rows(self):
        """[(label, [value per series])] for the data table."""
        return [(label, [values[i] for _name, values in self.series]) for i, label in enumerate(self.labels)]


def format_number(value):
    text = f"{int(value):,}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")
    return local_digits(text)


def _nice_step(span, ticks=5):
    raw = span / ticks if span else 1
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def draw_svg(chart, data=None):
    """The chart as an inline, accessible SVG string."""
    data = data or ChartData(chart)
    rtl = translation.get_language_bidi()
    values = [value for _name, row in data.series for value in row] or [0]
    low, high = min(0, min(values)), max(0, max(values))
    step = _nice_step(high - low)
    low, high = math.floor(low / step) * step, math.ceil(high / step) * step
    if high == low:
        high = low + step
    x0, x1 = (PAD_FAR, WIDTH - PAD_AXIS) if rtl else (PAD_AXIS, WIDTH - PAD_FAR)
    y0, y1 = PAD_TOP, HEIGHT - PAD_BOTTOM

    def y(value):
        return y1 - (value - low) / (high - low) * (y1 - y0)

    count = max(len(data.labels), 1)
    band = (x1 - x0) / count

    def band_start(index):
        return x1 - (index + 1) * band if rtl else x0 + index * band

    uid = f"chart-{chart.pk}"
    direction = "rtl" if rtl else "ltr"
    unit = f" ({escape(chart.unit)})" if chart.unit else ""
    kind = _("Bar chart") if chart.kind == "bar" else _("Line chart")
    desc = _("%(kind)s: %(series)s, by %(labels)s. The numbers are in the table beside the chart.") % {
        "kind": kind,
        "series": ("، " if rtl else ", ").join(name for name, _row in data.series),
        "labels": (data.labels[0] + " … " + data.labels[-1]) if data.labels else "",
    }
    out = [
        f'<svg class="chart__svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" '
        f'aria-labelledby="{uid}-title {uid}-desc" direction="{direction}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{uid}-title">{escape(chart.title)}{unit}</title>',
        f'<desc id="{uid}-desc">{escape(desc)}</desc>',
    ]
    # value axis: grid lines and tick labels on the start side
    axis_x = x1 if rtl else x0
    label_x = axis_x + 8 if rtl else axis_x - 8
    tick = low
    while tick <= high + step / 1000:
        ty = y(tick)
        out.append(f'<line class="chart__grid" x1="{x0}" x2="{x1}" y1="{ty:.1f}" y2="{ty:.1f}"/>')
        out.append(
            f'<text class="chart__tick" x="{label_x}" y="{ty + 5:.1f}" text-anchor="end">{format_number(tick)}</text>'
        )
        tick += step
    out.append(f'<line class="chart__axis" x1="{axis_x}" x2="{axis_x}" y1="{y0}" y2="{y1}"/>')
    out.append(f'<line class="chart__axis" x1="{x0}" x2="{x1}" y1="{y(0):.1f}" y2="{y(0):.1f}"/>')
    # category labels
    for index, label in enumerate(data.labels):
        cx = band_start(index) + band / 2
        out.append(f'<text class="chart__label" x="{cx:.1f}" y="{y1 + 24}" text-anchor="middle">{escape(label)}</text>')
    series_count = max(len(data.series), 1)
    if chart.kind == "bar":
        inner = band * 0.8
        bar = inner / series_count
        for s, (name, row) in enumerate(data.series):
            for index, value in enumerate(row):
                offset = (series_count - 1 - s) if rtl else s
                bx = band_start(index) + band * 0.1 + offset * bar
                top, bottom = sorted((y(value), y(0)))
                out.append(
                    f'<rect class="chart__s{s % SERIES_CLASSES}" x="{bx:.1f}" y="{top:.1f}" '
                    f'width="{max(bar - 2, 1):.1f}" height="{max(bottom - top, 0.5):.1f}">'
                    f"<title>{escape(data.labels[index])} — {escape(name)}: {format_number(value)}"
                    f"{' ' + escape(chart.unit) if chart.unit else ''}</title></rect>"
                )
    else:
        for s, (name, row) in enumerate(data.series):
            points = [(band_start(i) + band / 2, y(v)) for i, v in enumerate(row)]
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            out.append(f'<polyline class="chart__line chart__s{s % SERIES_CLASSES}" points="{path}" fill="none"/>')
            for (px, py), value, label in zip(points, row, data.labels, strict=False):
                out.append(
                    f'<circle class="chart__s{s % SERIES_CLASSES}" cx="{px:.1f}" cy="{py:.1f}" r="4">'
                    f"<title>{escape(label)} — {escape(name)}: {format_number(value)}</title></circle>"
                )
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text piece is escaped above


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(text):
    """Text a spreadsheet shows as text: one starting like a formula (=, +, -, @, tab, CR) gets a
    leading apostrophe, so opening the CSV never runs what was typed into a label."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def chart_csv(chart):
    """The chart's data as CSV text (UTF-8 with a byte-order mark, so spreadsheets read Arabic).
    Numbers are written as numbers; every piece of text goes through spreadsheet_text."""
    data = ChartData(chart)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["", *[spreadsheet_text(name) for name, _row in data.series]])
    for label, row in data.rows:
        writer.writerow([spreadsheet_text(label), *[f"{value:g}" for value in row]])
    if chart.unit:
        writer.writerow([])
        writer.writerow([_("Unit"), spreadsheet_text(chart.unit)])
    if chart.source:
        writer.writerow([_("Source"), spreadsheet_text(chart.source)])
    return "\ufeff" + buffer.getvalue()
