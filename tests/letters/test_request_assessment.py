"""The request letter, tested by rendering the real PDF and reading its text back."""

import copy
import socket
from datetime import date, timedelta

import pytest

from letters.context import MissingCaseData, build_request_assessment
from letters.registry import letter_spec
from letters.rendering import StaticFilesOnlyFetcher, html_to_pdf, letter_html
from letters.services import letter_render
from tests.letters.pdf_text import pdf_reader, pdf_text, text_positions_outside_page

LETTER_DAY = date(2026, 11, 23)
PLACEHOLDER_LEAKS = ("{{", "}}", "{%", "${", "None", "[object", "undefined")


def render(case, today=LETTER_DAY) -> bytes:
    return letter_render(kind="request_assessment", case_file=case, fmt="pdf", today=today).content


def without_events(case):
    case = copy.deepcopy(case)
    case.pop("events", None)
    return case


class RequestLetterContentTests:
    def test_names_the_child_the_council_and_the_law(self, case_file):
        text = pdf_text(render(case_file))
        assert "Sam Okafor" in text
        assert "Bristol City Council" in text
        assert "(Children and Families Act 2014, s.36(1))" in text
        assert "(Children and Families Act 2014, s.36(8))" in text
        assert "has or may have special educational needs" in text
        assert "may be necessary for special educational provision to be made" in text

    def test_lists_every_evidence_item_with_author_and_date(self, case_file):
        text = pdf_text(render(case_file))
        for item in case_file["evidence"]:
            assert item["title"] in text
            assert item["author"] in text
        assert "dated 10 March 2026" in text and "dated 20 May 2026" in text
        assert "Enclosures: EP report; Speech and language therapy report." in text

    def test_quotes_the_parents_own_words_for_each_need(self, case_file):
        text = pdf_text(render(case_file))
        for need in case_file["needs"]:
            assert need["description"] in text
            assert need["impact"] in text
        assert "Communication and interaction" in text
        assert "Social, emotional and mental health" in text

    def test_states_the_six_week_date_from_the_recorded_receipt(self, case_file):
        # request_received 2026-11-06 + 6 weeks = Friday 18 December 2026 (DOMAIN.md).
        text = pdf_text(render(case_file))
        assert "You received the request on 6 November 2026" in text
        assert "by Friday 18 December 2026" in text
        assert "(SEND Regulations 2014, reg 5(1))" in text

    @pytest.mark.parametrize(
        ("today", "due"),
        [
            (date(2026, 11, 23), "Monday 4 January 2027"),
            (date(2028, 1, 18), "Tuesday 29 February 2028"),
        ],
    )
    def test_without_a_receipt_date_counts_from_the_letter_date(self, case_file, today, due):
        text = pdf_text(render(without_events(case_file), today=today))
        assert f"If you receive this letter on {today.day} {today:%B %Y}, that is by {due}" in (
            text
        )
        assert (today + timedelta(weeks=6)).strftime("%d %B %Y").lstrip("0") in due

    def test_asks_for_copies_of_advice_and_gives_contact_details(self, case_file):
        text = pdf_text(render(case_file))
        assert "copies of all the advice and information you gather" in text
        assert "grace@example.org" in text and "07700 900123" in text
        assert "12 Elm Road" in text and "BS1 1AA" in text

    def test_is_written_in_the_first_person_with_the_childs_pronouns(self, case_file):
        text = pdf_text(render(case_file))
        assert "I am Sam's parent." in text
        assert "What he finds hard" in text
        assert "What he finds hard" in text

    @pytest.mark.parametrize(
        ("pronouns", "phrases"),
        [
            ("she", ["What she finds hard", "her learning and day"]),
            (
                "they",
                [
                    "What they find hard",
                    "their learning and day",
                    "1. Sam has or may have special",
                ],
            ),
        ],
    )
    def test_other_pronouns(self, case_file, pronouns, phrases):
        case_file["child"]["pronouns"] = pronouns
        text = pdf_text(render(case_file))
        for phrase in phrases:
            assert phrase in text
        assert " he " not in text and " him " not in text

    def test_a_young_person_writes_about_themselves(self, case_file):
        case_file["applicant"] = {
            **case_file["applicant"],
            "name": "Sam Okafor",
            "relationship": "young_person",
        }
        text = pdf_text(render(case_file))
        assert "I am writing for myself, as a young person." in text
        assert "What I find hard" in text
        assert "Young person: Sam Okafor" in text
        assert "Sam's parent" not in text

    def test_no_placeholder_ever_reaches_the_letter(self, case_file):
        for case in (case_file, without_events(case_file)):
            text = pdf_text(render(case))
            for leak in PLACEHOLDER_LEAKS:
                assert leak not in text

    def test_a_minimal_request_still_reads_well(self, case_file):
        minimal = {key: case_file[key] for key in ("format", "applicant", "local_authority")}
        minimal["child"] = {
            k: case_file["child"][k]
            for k in ("first_name", "last_name", "date_of_birth", "pronouns")
        }
        minimal["needs"] = [
            {"area": "cognition_learning", "description": "Reading.", "impact": "Falling behind."}
        ]
        text = pdf_text(render(minimal))
        assert "The legal test does not require support to have been tried first" in text
        assert "(SEND Regulations 2014, reg 6(1))" in text
        for leak in PLACEHOLDER_LEAKS:
            assert leak not in text

    def test_the_pdf_is_tagged_a4_with_page_numbers_and_our_font(self, case_file):
        content = render(case_file)
        reader = pdf_reader(content)
        root = reader.trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"])
        assert "/StructTreeRoot" in root
        assert str(root["/Lang"]).lower().startswith("en")
        page = reader.pages[0]
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
        assert f"Page 1 of {len(reader.pages)}" in pdf_text(content)
        fonts = {
            str(f["/BaseFont"]) for p in reader.pages for f in p["/Resources"]["/Font"].values()
        }
        assert any("Lato" in name for name in fonts)
        assert reader.metadata.title == "Request for an EHC needs assessment"


class MissingDataTests:
    @pytest.mark.parametrize(
        ("remove", "named"),
        [
            (lambda c: c["child"].pop("date_of_birth"), "child.date_of_birth"),
            (lambda c: c.update(needs=[]), "needs"),
            (lambda c: c["applicant"].pop("address"), "applicant.address"),
            (lambda c: c["child"].pop("pronouns"), "child.pronouns"),
        ],
    )
    def test_refuses_and_names_what_is_missing(self, case_file, remove, named):
        remove(case_file)
        with pytest.raises(MissingCaseData) as raised:
            build_request_assessment(case_file, today=LETTER_DAY)
        assert raised.value.fields == [named]
        assert str(raised.value) == f"the request_assessment letter needs: {named}"


HOSTILE = {
    "script": "<script>alert('x')</script>",
    "image": '<img src="http://203.0.113.9/track.png">',
    "style": '<link rel="stylesheet" href="http://203.0.113.9/x.css"> url(http://203.0.113.9/a)',
    "rtl": "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 mixed \u202eevil",
    # Emoji our shipped fonts draw. (Others print as an empty box: see the README.)
    "emoji": "Sam \U0001f600 loves rockets \u263a \u2714",
    "long": "x" * 5000,
    "template": "{{ letter.sender_name }} {% now 'Y' %} ${HOME}",
}


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a letter tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


class HostileInputTests:
    def hostile_case(self, case_file):
        case_file["child"]["first_name"] = HOSTILE["script"]
        case_file["needs"][0]["description"] = HOSTILE["image"] + " " + HOSTILE["rtl"]
        case_file["needs"][0]["impact"] = HOSTILE["emoji"]
        case_file["needs"][1]["description"] = HOSTILE["long"]
        case_file["needs"][1]["impact"] = HOSTILE["template"]
        case_file["evidence"][0]["key_points"] = HOSTILE["style"]
        case_file["notes"] = "line one\nline two <b>not bold</b>"
        return case_file

    def render_spied(self, case_file):
        spec = letter_spec("request_assessment")
        letter = spec.build_context(case_file, today=LETTER_DAY)
        html = letter_html(template=spec.template, letter=letter, title=spec.title, standalone=True)
        fetcher = StaticFilesOnlyFetcher()
        return html, html_to_pdf(html, fetcher=fetcher), fetcher

    def test_markup_is_escaped_in_the_html(self, case_file):
        html, _, _ = self.render_spied(self.hostile_case(case_file))
        assert "<script>" not in html and "<img" not in html and "<b>not bold" not in html
        assert "&lt;script&gt;" in html
        assert "{% now" in html  # printed as text, never run as a template

    def test_hostile_text_prints_as_text_and_fetches_nothing(self, case_file, no_network):
        _, content, fetcher = self.render_spied(self.hostile_case(case_file))
        text = pdf_text(content)
        assert "<script>alert('x')</script>" in text
        assert '<img src="http://203.0.113.9/track.png">' in text
        assert "{{ letter.sender_name }}" in text and "${HOME}" in text
        assert "Sam \U0001f600 loves rockets \u263a \u2714" in text
        assert "\u05e9\u05dc\u05d5\u05dd" in text and "mixed" in text
        assert fetcher.refused == []
        assert set(fetcher.served) <= {
            "/static/css/letter.css",
            "/static/fonts/Lato-Regular.ttf",
            "/static/fonts/Lato-Bold.ttf",
            "/static/fonts/DejaVuSans.ttf",
        }
        assert "/static/css/letter.css" in fetcher.served

    def test_very_long_unbroken_text_wraps_inside_the_page(self, case_file):
        _, content, _ = self.render_spied(self.hostile_case(case_file))
        assert text_positions_outside_page(content) == []
        assert pdf_text(content).replace(" ", "").count("x" * 100) >= 1

    def test_the_layout_check_does_see_text(self, case_file):
        # Guards the test above: it reads real positions from a real PDF.
        content = render(case_file)
        reader = pdf_reader(content)
        seen = []
        reader.pages[0].extract_text(visitor_text=lambda t, cm, tm, f, s: seen.append(t))
        assert any("Bristol City Council" in t for t in seen)
