"""The shortfall chart (journeys/rules/provision_chart.py): an accessible, escaped SVG."""

import xml.etree.ElementTree as ET
from datetime import date

from journeys.rules.provision import Item, LogRow, shortfall, typical_term_dates
from journeys.rules.provision_chart import shortfall_svg
from journeys.rules.vocabulary import Delivered, Per

SVG = "{http://www.w3.org/2000/svg}"
TERMS = typical_term_dates(date(2026, 9, 1), date(2026, 12, 31))


def chart(items, log):
    result = shortfall(items, log, date(2026, 9, 7), date(2026, 10, 18), TERMS)
    markup = shortfall_svg(result, title="Sam's provision since 7 September 2026")
    return ET.fromstring(markup)  # noqa: S314 (our own output, not untrusted)


def test_one_bar_an_item_and_the_total_with_its_figures_in_words():
    slt = Item("f1", text="Speech and language therapy <script>", sessions=1, per=Per.WEEK)
    ot = Item("f2", text="Occupational therapy " * 10, sessions=2, per=Per.WEEK)
    unquantified = Item("f3", text="Access to a quiet space")
    log = [
        LogRow("f1", date(2026, 9, 8), Delivered.YES),
        LogRow("f1", date(2026, 9, 15), Delivered.NO),
        LogRow("f1", date(2026, 9, 22), Delivered.PARTLY),
        LogRow("f3", date(2026, 9, 22), Delivered.NO),
    ]
    svg = chart([slt, ot, unquantified], log)
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "Sam's provision since 7 September 2026"
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "Speech and language therapy <script>" in texts  # escaped, read back as text
    assert "1 of 6 sessions delivered, 1 partly, 1 missed, 3 not recorded" in texts
    assert "0 of 12 sessions delivered, 0 partly, 0 missed, 12 not recorded" in texts
    assert any(t.endswith("…") and len(t) <= 70 for t in texts)  # long names shortened
    assert "the plan does not say how often; recorded: 0 delivered, 0 partly, 1 missed" in texts
    assert "All provision" in texts
    assert "1 of 18 sessions delivered, 1 partly, 1 missed, 15 not recorded" in texts
    description = svg.find(f"{SVG}desc").text
    assert "Speech and language therapy <script>: 1 of 6 sessions delivered" in description
    # the delivered, partly and missed parts of the first bar: a sixth of the width each
    widths = [float(r.get("width")) for r in svg.iter(f"{SVG}rect") if r.get("height") == "22"]
    assert widths[:5] == [640, 106.7, 106.7, 106.7, 320.0]
    for words in ("delivered", "partly delivered", "missed", "not recorded"):
        assert words in texts  # the legend


def test_an_empty_plan_draws_only_the_total():
    svg = chart([], [])
    assert [t.text for t in svg.iter(f"{SVG}text")][-2:] == [
        "All provision",
        "0 of 0 sessions delivered, 0 partly, 0 missed, 0 not recorded",
    ]
