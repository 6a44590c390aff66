"""The shortfall as a chart: one server-drawn SVG, the same on the tracker page and in the
letters' PDF. Pure Python, no Django (tests/journeys/rules/test_purity.py).

One bar an item (and one for the total), split into delivered, partly delivered, missed and
not recorded, each part as wide as its share of the sessions expected. Colour is never the
only signal: every bar carries its numbers in words above it, the parts have their own
patterns (solid, striped, cross-hatched, dotted), and the chart is an image with a title and
a description (role="img", aria-labelledby) that says everything the bars say; the pages
that show it give the same figures as a table beside it. All text is escaped here.
"""

from __future__ import annotations

from html import escape

from journeys.rules.provision import ItemShortfall, Shortfall

WIDTH = 640
BAR_HEIGHT = 22
LABEL_HEIGHT = 38  # two lines: the item, then its figures
ROW_GAP = 14
LEGEND_HEIGHT = 34
LABEL_CHARACTERS = 70

# (key, words, fill, pattern id or ""): colours from the GOV.UK palette, each with a pattern.
PARTS = (
    ("delivered", "delivered", "#00703c", ""),
    ("partly", "partly delivered", "#f47738", "stripes"),
    ("missed", "missed", "#d4351c", "cross"),
    ("unrecorded", "not recorded", "#b1b4b6", "dots"),
)

INK = "#0b0c0c"


def _tag(name: str, text: str = "", **attributes: object) -> str:
    """One SVG element; attribute names with "_" are written with "-"; text is escaped."""
    attrs = "".join(
        f' {key.replace("_", "-")}="{escape(str(value))}"' for key, value in attributes.items()
    )
    return f"<{name}{attrs}>{escape(text)}</{name}>" if text else f"<{name}{attrs}/>"


def _pattern(pattern_id: str, size: int, *shapes: str, **attributes: object) -> str:
    return (
        f'<pattern id="{pattern_id}" width="{size}" height="{size}" patternUnits="userSpaceOnUse"'
        + "".join(f' {key}="{value}"' for key, value in attributes.items())
        + ">"
        + "".join(shapes)
        + "</pattern>"
    )


_PATTERNS = (
    "<defs>"
    + _pattern(
        "stripes",
        6,
        _tag("rect", width=6, height=6, fill="#f47738"),
        _tag("rect", width=2, height=6, fill=INK),
        patternTransform="rotate(45)",
    )
    + _pattern(
        "cross",
        8,
        _tag("rect", width=8, height=8, fill="#d4351c"),
        _tag("path", d="M0 0L8 8M8 0L0 8", stroke="#ffffff", stroke_width=1.5),
    )
    + _pattern(
        "dots",
        6,
        _tag("rect", width=6, height=6, fill="#b1b4b6"),
        _tag("circle", cx=3, cy=3, r=1.2, fill=INK),
    )
    + "</defs>"
)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARACTERS else text[: LABEL_CHARACTERS - 1].rstrip() + "…"


def _name(result: ItemShortfall) -> str:
    return "All provision" if result.item is None else _short(result.item.text or result.item.id)


def _figures(result: ItemShortfall) -> str:
    if result.expected is None:
        return (
            f"the plan does not say how often; recorded: {result.delivered} delivered, "
            f"{result.partly} partly, {result.missed} missed"
        )
    return (
        f"{result.delivered} of {result.expected} sessions delivered, {result.partly} partly, "
        f"{result.missed} missed, {result.unrecorded} not recorded"
    )


def _label(result: ItemShortfall) -> str:
    return f"{_name(result)}: {_figures(result)}"


def _bar(result: ItemShortfall, top: int) -> list[str]:
    shapes = [
        _tag("text", _name(result), x=0, y=top + 14, font_size=13, font_weight="bold", fill=INK),
        _tag("text", _figures(result), x=0, y=top + 31, font_size=13, fill=INK),
    ]
    bar_top = top + LABEL_HEIGHT
    shapes.append(
        _tag("rect", x=0, y=bar_top, width=WIDTH, height=BAR_HEIGHT, fill="#ffffff", stroke=INK)
    )
    if result.expected:
        x = 0.0
        for key, _, colour, pattern in PARTS:
            count = getattr(result, key) or 0
            if not count:
                continue
            width = WIDTH * count / result.expected
            fill = f"url(#{pattern})" if pattern else colour
            shapes.append(
                _tag(
                    "rect",
                    x=f"{x:.1f}",
                    y=bar_top,
                    width=f"{width:.1f}",
                    height=BAR_HEIGHT,
                    fill=fill,
                )
            )
            x += width
    return shapes


def _legend(top: int) -> list[str]:
    shapes = []
    x = 0
    for _, words, colour, pattern in PARTS:
        fill = f"url(#{pattern})" if pattern else colour
        shapes.append(
            f'<rect x="{x}" y="{top}" width="16" height="16" fill="{fill}" stroke="#0b0c0c"/>'
        )
        shapes.append(
            f'<text x="{x + 22}" y="{top + 13}" font-size="13" fill="#0b0c0c">{words}</text>'
        )
        x += 40 + 8 * len(words)
    return shapes


def shortfall_svg(result: Shortfall, *, title: str) -> str:
    """The chart as an SVG element (a string of markup, every text escaped)."""
    rows = [*result.items, result.total]
    row_height = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    height = LEGEND_HEIGHT + row_height * len(rows)
    description = "; ".join(_label(row) for row in rows)
    shapes = _legend(0)
    for number, row in enumerate(rows):
        shapes.extend(_bar(row, LEGEND_HEIGHT + number * row_height))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height}" '
        'width="100%" aria-labelledby="shortfall-title shortfall-desc" '
        'font-family="Lato, sans-serif">'
        + _tag("title", title, id="shortfall-title")
        + _tag("desc", description, id="shortfall-desc")
        + _PATTERNS
        + "".join(shapes)
        + "</svg>"
    )
