"""Bar charts drawn on the server as inline SVG: no JavaScript, nothing fetched,
and they print.

Why not a charting library: pygal 3.1.3 writes an inline <script> into every
chart even with `js=[]`, random element ids, and tooltip <desc> nodes full of
coordinates; its labels are placed with `text-anchor` only, so on a
right-to-left page (where the SVG inherits `direction: rtl`) they flip over the
bars, and it has no way to mirror a chart. matplotlib draws text as paths by
default (not selectable, not searchable, a larger file) and, with
`svg.fonttype=none`, places text with its own font metrics and the same
`text-anchor` flip. Both were tried on Arabic labels in Chromium.

Here every label is an SVG <text> in logical order, which the browser shapes
(Arabic letters join), and the root carries an explicit `direction`. On a
right-to-left page the whole chart is mirrored: categories on the right, bars
growing to the left, time running from right to left. Anchors are logical
(`start`/`end` follow `direction`), so mirroring the x coordinates is enough.

Text widths cannot be measured on the server; labels get a column sized from
their length and long ones are shortened with an ellipsis (their full text is
in a <title> tooltip, and in the table that goes with every chart).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

INK = "#1b1f24"
MUTED = "#4a5563"
GRID = "#c9d1da"
# The first series is solid, the second hatched: they stay apart in grey print.
SOLID = "#0b5a7a"
HATCH_INK = "#a65c00"
HATCH_PAPER = "#f6e6cf"

FONT_SIZE = 13
# An estimate of the average advance of a character, in ems: Latin text runs
# about 0.5–0.55 em, joined Arabic a little less; too wide beats clipped.
CHAR_EM = 0.58


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float]


def default_format(value: float) -> str:
    """A number in the active language's notation (decimal and group separators)."""
    if float(value).is_integer():
        return number_format(int(value), force_grouping=True)
    return number_format(value, decimal_pos=1, force_grouping=True)


def nice_ticks(maximum: float, target: int = 5) -> list[float]:
    """Round axis steps (1, 2 or 5 × 10ⁿ, never below 1 since we count things)
    from 0 to at least `maximum`."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / target
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(step, 1)
    top = math.ceil(maximum / step) * step
    count = round(top / step)
    return [i * step for i in range(count + 1)]


def text_width(text: str, size: float = FONT_SIZE) -> float:
    return len(text) * size * CHAR_EM


def shorten(text: str, width: float, size: float = FONT_SIZE) -> str:
    """The text, cut with an ellipsis if its estimated width exceeds `width`."""
    fits = max(1, int(width / (size * CHAR_EM)))
    if len(text) <= fits:
        return text
    return text[: max(1, fits - 1)].rstrip() + "…"


def _num(value: float) -> str:
    # Coordinates, not user-facing numbers: always a dot, at most 1 decimal.
    return f"{value:.1f}".rstrip("0").rstrip(".")


class _Canvas:
    """Collects SVG elements; x coordinates are given left-to-right and
    mirrored here when the chart is right-to-left."""

    def __init__(self, width: float, rtl: bool) -> None:
        self.width = width
        self.rtl = rtl
        self.parts: list[str] = []

    def x(self, x: float) -> float:
        return self.width - x if self.rtl else x

    def rect(
        self, x: float, y: float, w: float, h: float, fill: str, *, stroke: str = "", tip: str = ""
    ) -> None:
        left = self.width - x - w if self.rtl else x
        stroke_attrs = f' stroke="{stroke}" stroke-width="1"' if stroke else ""
        title = f"<title>{escape(tip)}</title>" if tip else ""
        self.parts.append(
            f'<rect x="{_num(left)}" y="{_num(y)}" width="{_num(max(w, 0))}" '
            f'height="{_num(h)}" fill="{fill}"{stroke_attrs}>{title}</rect>'
        )

    def line(
        self, x1: float, y1: float, x2: float, y2: float, colour: str, dash: bool = False
    ) -> None:
        dashes = ' stroke-dasharray="3 3"' if dash else ""
        self.parts.append(
            f'<line x1="{_num(self.x(x1))}" y1="{_num(y1)}" x2="{_num(self.x(x2))}" '
            f'y2="{_num(y2)}" stroke="{colour}" stroke-width="1"{dashes}/>'
        )

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        anchor: str = "start",
        size: float = FONT_SIZE,
        colour: str = INK,
        weight: str = "",
        tip: str = "",
    ) -> None:
        """`anchor` is logical: `start` is the left edge in a left-to-right
        chart and the right edge in a mirrored one."""
        bold = f' font-weight="{weight}"' if weight else ""
        title = f"<title>{escape(tip)}</title>" if tip and tip != content else ""
        self.parts.append(
            f'<text x="{_num(self.x(x))}" y="{_num(y)}" text-anchor="{anchor}" '
            f'font-size="{_num(size)}" fill="{colour}"{bold}>{title}{escape(content)}</text>'
        )


def _svg(
    chart_id: str,
    title: str,
    description: str,
    width: float,
    height: float,
    rtl: bool,
    defs: str,
    body: Sequence[str],
) -> SafeString:
    direction = "rtl" if rtl else "ltr"
    # role="img" makes assistive technology read the name and description and
    # skip the marks; the numbers are in the table that follows every chart.
    return mark_safe(  # noqa: S308 - every text and attribute value above is escaped
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(chart_id)}" '
        f'role="img" aria-label="{escape(title)}" '
        f'aria-describedby="{escape(chart_id)}-desc" '
        f'viewBox="0 0 {_num(width)} {_num(height)}" width="{_num(width)}" '
        f'height="{_num(height)}" direction="{direction}" '
        f'style="direction: {direction}">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>'
        f"{defs}{''.join(body)}</svg>"
    )


def _fills(chart_id: str, count: int) -> tuple[str, list[tuple[str, str]]]:
    """The <defs> and the (fill, stroke) of each series."""
    hatch = f"{chart_id}-hatch"
    defs = (
        f'<defs><pattern id="{escape(hatch)}" patternUnits="userSpaceOnUse" width="6" '
        f'height="6" patternTransform="rotate(45)"><rect width="6" height="6" '
        f'fill="{HATCH_PAPER}"/><rect width="3" height="6" fill="{HATCH_INK}"/></pattern></defs>'
    )
    styles = [(SOLID, ""), (f"url(#{escape(hatch)})", HATCH_INK)]
    if count <= 1:
        return "", styles[:1]
    return defs, [styles[i % 2] for i in range(count)]


def describe(labels: Sequence[str], series: Sequence[Series], fmt: Callable[[float], str]) -> str:
    """A sentence per category, for the chart's <desc>."""
    lines = []
    for index, label in enumerate(labels):
        if len(series) == 1:
            value = fmt(series[0].values[index])
        else:
            value = pgettext("list separator", ", ").join(
                _("%(series)s %(value)s") % {"series": s.name, "value": fmt(s.values[index])}
                for s in series
            )
        lines.append(_("%(label)s: %(value)s") % {"label": label, "value": value})
    return pgettext("list separator between sentences", "; ").join(lines)


def bar_chart(
    *,
    chart_id: str,
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    rtl: bool = False,
    summary: str = "",
    fmt: Callable[[float], str] = default_format,
    width: float = 720,
) -> SafeString:
    """Horizontal bars, one row per category and one bar per series in it,
    with the value at the end of each bar and a legend when there are several
    series."""
    if any(len(s.values) != len(labels) for s in series):
        raise ValueError("every series needs one value per label")
    defs, fills = _fills(chart_id, len(series))
    canvas = _Canvas(width, rtl)
    maximum = max((v for s in series for v in s.values), default=0)
    ticks = nice_ticks(maximum)
    value_room = (
        max((text_width(fmt(v), FONT_SIZE - 1) for s in series for v in s.values), default=0) + 10
    )
    label_room = min(max((text_width(label) for label in labels), default=0), width * 0.38) + 10
    plot_start, plot_end = label_room, width - max(value_room, 24)
    plot_width = plot_end - plot_start
    bar = 18.0
    gap = 10.0 if len(series) == 1 else 14.0
    top = 8.0
    if len(series) > 1:
        legend_x = 0.0
        for (fill, stroke), s in zip(fills, series, strict=True):
            canvas.rect(legend_x, top, 14, 14, fill, stroke=stroke)
            canvas.text(legend_x + 20, top + 12, s.name)
            legend_x += 20 + text_width(s.name) + 24
        top += 28
    row = bar * len(series) + gap
    plot_bottom = top + row * len(labels)
    scale = plot_width / ticks[-1]
    for tick in ticks:
        x = plot_start + tick * scale
        canvas.line(x, top, x, plot_bottom, GRID, dash=tick != 0)
        canvas.text(
            x, plot_bottom + 16, fmt(tick), anchor="middle", size=FONT_SIZE - 2, colour=MUTED
        )
    for index, label in enumerate(labels):
        y = top + index * row + gap / 2
        canvas.text(
            label_room - 8,
            y + bar * len(series) / 2 + FONT_SIZE * 0.35,
            shorten(label, label_room - 10),
            anchor="end",
            tip=label,
        )
        for (fill, stroke), s in zip(fills, series, strict=True):
            value = s.values[index]
            tip = _("%(label)s: %(value)s") % {
                "label": label if len(series) == 1 else f"{label}, {s.name}",
                "value": fmt(value),
            }
            canvas.rect(plot_start, y, value * scale, bar - 2, fill, stroke=stroke, tip=tip)
            canvas.text(
                plot_start + value * scale + 5,
                y + (bar - 2) / 2 + (FONT_SIZE - 1) * 0.35,
                fmt(value),
                size=FONT_SIZE - 1,
            )
            y += bar
    canvas.line(plot_start, top, plot_start, plot_bottom, INK)
    height = plot_bottom + 26
    desc = " ".join(p for p in (summary, describe(labels, series, fmt)) if p)
    return _svg(chart_id, title, desc, width, height, rtl, defs, canvas.parts)


def column_chart(
    *,
    chart_id: str,
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    rtl: bool = False,
    summary: str = "",
    fmt: Callable[[float], str] = default_format,
    width: float = 720,
    height: float = 240,
) -> SafeString:
    """Vertical columns along time (months), left to right, or right to left
    on a mirrored chart. Long runs label every second, third … column."""
    if len(values) != len(labels):
        raise ValueError("one value per label")
    canvas = _Canvas(width, rtl)
    ticks = nice_ticks(max(values, default=0))
    axis_room = max(text_width(fmt(t), FONT_SIZE - 2) for t in ticks) + 10
    widest = max((text_width(label, FONT_SIZE - 2) for label in labels), default=0) + 8
    # Room for half a month label beyond the last column, and for the value
    # printed above the highest one.
    plot_start, plot_end = max(axis_room, widest / 2), width - max(8.0, widest / 2)
    top, plot_bottom = 10.0 + FONT_SIZE, height - 30
    plot_height = plot_bottom - top
    scale = plot_height / ticks[-1]
    for tick in ticks:
        y = plot_bottom - tick * scale
        canvas.line(plot_start, y, plot_end, y, GRID, dash=tick != 0)
        canvas.text(
            plot_start - 6, y + 4, fmt(tick), anchor="end", size=FONT_SIZE - 2, colour=MUTED
        )
    count = max(len(values), 1)
    slot = (plot_end - plot_start) / count
    every = max(1, math.ceil(widest / slot))
    show_values = slot >= max((text_width(fmt(v), FONT_SIZE - 2) for v in values), default=0) + 2
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = plot_start + index * slot
        bar_height = value * scale
        canvas.rect(
            x + slot * 0.15,
            plot_bottom - bar_height,
            slot * 0.7,
            bar_height,
            SOLID,
            tip=_("%(label)s: %(value)s") % {"label": label, "value": fmt(value)},
        )
        if show_values and value:
            canvas.text(
                x + slot / 2,
                plot_bottom - bar_height - 4,
                fmt(value),
                anchor="middle",
                size=FONT_SIZE - 2,
            )
        if index % every == 0:
            canvas.line(x + slot / 2, plot_bottom, x + slot / 2, plot_bottom + 4, INK)
            canvas.text(
                x + slot / 2,
                plot_bottom + 18,
                label,
                anchor="middle",
                size=FONT_SIZE - 2,
                colour=MUTED,
            )
    canvas.line(plot_start, plot_bottom, plot_end, plot_bottom, INK)
    desc = " ".join(p for p in (summary, describe(labels, [Series("", values)], fmt)) if p)
    return _svg(chart_id, title, desc, width, height, rtl, "", canvas.parts)
