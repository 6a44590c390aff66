"""The stage journeys after a request (refusal, plan, mediation, appeal) in a real browser.

Each test starts where a new parent starts, on the home page, and answers every page by its
visible labels. axe-core checks every page shown, an error state included. On the confirmation
page the letters are listed, and one is downloaded as a PDF and one as a Word document, both
read back to find the child, the council and the parent's own words.
"""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from tests.e2e.conftest import assert_accessible, choose_from_autocomplete
from tests.letters.docx_text import docx_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHECK_ANSWERS = "Check your answers before we write your letter"
MEDIATION_VIEWS = "I want to stay with my friends at lunch."
EP_REPORT = "Educational psychologist report"


# -- helpers ---------------------------------------------------------------------------------
def days_ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def squash(text: str) -> str:
    """Collapse all white space, so words wrapped across lines still match."""
    return " ".join(text.split())


def on_page(page: Page, heading: str | re.Pattern) -> None:
    """Assert the page's h1, then run axe on the page as it is."""
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(page)


def press(page: Page, target: Locator) -> None:
    """Click a link or button that loads a new page, and wait for that page."""
    with page.expect_navigation():
        target.click()


def button(page: Page, name: str) -> Locator:
    return page.get_by_role("button", name=name, exact=True)


def continue_(page: Page) -> None:
    press(page, button(page, "Continue"))


def label(scope, text: str) -> Locator:
    return scope.get_by_label(text, exact=True)


def skip_voice_pages(page: Page, child: str = "your child", pronoun: str = "they") -> None:
    """The child's views, strengths and hopes are optional: continue with nothing entered.
    `child` is how the pages name the child ("your child" to a parent; the name to anyone
    writing for the family)."""
    on_page(page, f"What are {child}'s views?")
    continue_(page)
    on_page(page, f"What is {child} good at, and what do {pronoun} hope for?")
    continue_(page)


def choose(page: Page, option: str) -> None:
    page.get_by_role("radio", name=option, exact=True).check()


def fill_date(scope, day: date) -> None:
    label(scope, "Day").fill(str(day.day))
    label(scope, "Month").fill(str(day.month))
    label(scope, "Year").fill(str(day.year))


def assert_error(page: Page, heading: str, messages: list[str]) -> None:
    """The page again, titled as an error, with the error summary listing `messages`."""
    on_page(page, heading)
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(summary.get_by_role("link")).to_have_text(messages)


def council_said(reason: str) -> str:
    """The label of the box for the parent's answer to one of the council's reasons."""
    return f"The council said: \u201c{reason}\u201d"


def start_stage(page: Page, stage: str) -> None:
    """From the home page through the triage to the first question of a stage journey."""
    page.goto("/")
    on_page(page, "Get help with an EHC plan for your child")
    press(page, page.get_by_role("button", name="Start now"))
    on_page(page, "Where does the child or young person live?")
    choose(page, "England")
    continue_(page)
    on_page(page, "Where are you in the process?")
    choose(page, stage)
    continue_(page)
    on_page(page, "About you")  # who is filling it in, first


def answer_about_pages(
    page: Page, family: dict, relationship: str = "Parent", helping=None
) -> None:
    """The questions every journey opens with: who is filling it in (the parent or, with
    relationship "Advocate writing for the family", the advocate, who then says who they help
    through `helping(page)`), then the child and the council."""
    on_page(page, "About you")
    label(page, "Your full name").fill(family["parent"])
    choose(page, relationship)
    continue_(page)

    on_page(page, "How can the council contact you?")
    label(page, "Address line 1").fill(family["address"])
    label(page, "Town or city").fill(family["town"])
    label(page, "Postcode").fill(family["postcode"])
    label(page, "Email address").fill(family["email"])
    continue_(page)
    if helping is not None:
        helping(page)

    child = "your child" if helping is None else "the child"
    on_page(page, f"What is {child}'s name?")
    label(page, "First name").fill(family["first"])
    label(page, "Last name").fill(family["last"])
    continue_(page)

    child = "your child" if helping is None else family["first"]
    on_page(page, f"How should the letter refer to {child}?")
    choose(page, family["pronouns"])
    continue_(page)

    on_page(page, f"What is {child}'s date of birth?")
    fill_date(page, family["born"])
    continue_(page)

    council = f"Which council is responsible for {child}?"
    on_page(page, council)
    choose_from_autocomplete(page, council, family["council_option"])
    continue_(page)


def answer_evidence(page: Page, item: dict) -> None:
    on_page(page, "What evidence do you have?")
    block = page.locator(".app-repeat-item").filter(
        has=page.get_by_role("heading", name="Evidence 1", exact=True)
    )
    label(block, "What kind of evidence is it?").select_option(label=item["kind"])
    label(block, "Title (optional)").fill(item["title"])
    label(block, "Who wrote it?").fill(item["author"])
    fill_date(block, item["date"])
    label(block, "What does it say that matters?").fill(item["says"])
    continue_(page)


def write_letters(page: Page, shown: list[str], letters: list[str]) -> None:
    """On check your answers: see the answers, write the letters, and see them listed."""
    on_page(page, CHECK_ANSWERS)
    answers = page.locator("main .govuk-summary-list")
    for words in shown:
        expect(answers.filter(has_text=words).first, f"check answers: {words!r}").to_be_visible()
    press(page, button(page, "Write my letter"))
    on_page(page, "Your letter is ready" if len(letters) == 1 else "Your letters are ready")
    # Each letter has its own level-2 heading above its download links and preview.
    expect(page.locator("main h2[id^='letter-']")).to_have_text(letters)
    for title in letters:
        expect(page.get_by_role("heading", level=2, name=title, exact=True)).to_be_visible()


def download(page: Page, link_text: str, title: str):
    """Download a letter by its link; the letter's title is in the link's name, hidden.

    Chromium puts a space before the hidden ": title" (the span is positioned absolutely),
    so the name is matched with optional white space around the colon.
    """
    name = re.compile(rf"^{re.escape(link_text)}\s*:\s*{re.escape(title)}$")
    link = page.get_by_role("link", name=name)
    expect(link).to_have_count(1)
    with page.expect_download() as download_info:
        link.click()
    return download_info.value


def pdf_of(page: Page, title: str) -> str:
    letter = download(page, "Download as PDF", title)
    assert letter.suggested_filename.endswith(".pdf"), letter.suggested_filename
    content = letter.path().read_bytes()
    assert content.startswith(b"%PDF"), content[:20]
    reader = PdfReader(io.BytesIO(content))
    return squash(" ".join(p.extract_text() or "" for p in reader.pages))


def docx_of(page: Page, title: str) -> str:
    letter = download(page, "as a Word document you can edit", title)
    assert letter.suggested_filename.endswith(".docx"), letter.suggested_filename
    return squash(docx_text(letter.path().read_bytes()))


def assert_letter_says(text: str, what: str, expected: list[str]) -> None:
    missing = [words for words in expected if squash(words) not in text]
    assert not missing, f"the {what} lacks {missing!r}; its text:\n{text}"


# -- the refusal journey ---------------------------------------------------------------------
REFUSED_STAGE = "The council refused to carry out an assessment, or refused to issue a plan"
REFUSAL_LETTERS = [
    "Request to reconsider your decision",
    "Contacting the mediation adviser",
    "Reasons for appeal",
    "Evidence index",
]
PRIYA = {
    "first": "Priya",
    "last": "Sharma",
    "pronouns": "She and her",
    "born": date(2015, 7, 9),
    "council_option": "Leeds",
    "council": "Leeds City Council",
    "parent": "Anita Sharma",
    "address": "4 Moor Lane",
    "town": "Leeds",
    "postcode": "LS6 2AB",
    "email": "anita@example.org",
}
REFUSAL = {
    "reasons": [
        "Needs can be met from the school's own resources (SEN support)",
        "My child is making progress",
    ],
    "other": "Priya's reading is only one year behind her age",
    "responses": [
        "The school has told us in writing that it cannot fund the daily one-to-one help "
        "the educational psychologist recommends.",
        "Any progress comes from an hour of one-to-one reading at home every evening; at "
        "school she has fallen further behind this year.",
    ],
    "what_changed": "Since September Priya's anxiety means she only manages mornings at school.",
    "outcome": "Agree to carry out an EHC needs assessment for Priya.",
    "evidence": {
        "kind": EP_REPORT,
        "title": "Educational psychology report, autumn 2026",
        "author": "Dr R Khan, educational psychologist",
        "date": days_ago(45),
        "says": "Priya needs daily specialist teaching of reading from a trained adult.",
    },
}


def answer_refusal_pages(page: Page, child: str) -> None:
    """From "What did the council refuse?" to check your answers, with one error state."""
    choose(page, "It refused to carry out an EHC needs assessment")
    continue_(page)

    on_page(page, "What date is on the decision letter?")
    fill_date(page, days_ago(21))
    continue_(page)

    # Error state: no reason given at all.
    on_page(page, "What reasons did the council give?")
    continue_(page)
    assert_error(
        page,
        "What reasons did the council give?",
        ["Select or add at least one reason the council gave"],
    )
    for reason in REFUSAL["reasons"]:
        page.get_by_role("checkbox", name=reason, exact=True).check()
    label(page, "Other reasons (optional)").fill(REFUSAL["other"].replace("Priya", child))
    continue_(page)

    on_page(page, "What would you say to each reason?")
    reasons = [*REFUSAL["reasons"], REFUSAL["other"].replace("Priya", child)]
    for reason, response in zip(reasons, REFUSAL["responses"], strict=False):
        label(page, council_said(reason)).fill(response)
    # The third reason is left blank, as the hint allows.
    expect(label(page, council_said(reasons[2]))).to_have_value("")
    continue_(page)

    on_page(page, "Is there anything new, or anything the council did not consider?")
    label(page, "Is there anything new, or anything the council did not consider?").fill(
        REFUSAL["what_changed"].replace("Priya", child)
    )
    continue_(page)

    answer_evidence(page, REFUSAL["evidence"])

    on_page(page, "Does the school support the request?")
    choose(page, "Yes, the school supports the request")
    continue_(page)

    skip_voice_pages(page)

    on_page(page, "Do you want to go to mediation?")
    choose(page, "No, I only want the certificate so I can appeal")
    continue_(page)

    on_page(page, "What do you want the council to do?")
    label(page, "What do you want the council to do?").fill(
        REFUSAL["outcome"].replace("Priya", child)
    )
    continue_(page)


def test_refusal_journey_from_the_home_page_to_its_letters(page: Page):
    family = PRIYA
    start_stage(page, REFUSED_STAGE)
    assert "/refused/" in page.url, page.url
    answer_about_pages(page, family)
    on_page(page, "Where does your child go to school, college or nursery?")
    choose(page, "A mainstream school or academy")
    continue_(page)
    on_page(page, "What did the council refuse?")
    answer_refusal_pages(page, family["first"])

    write_letters(page, [family["first"], REFUSAL["responses"][0]], REFUSAL_LETTERS)
    expected = [f"{family['first']} {family['last']}", family["council"], REFUSAL["responses"][0]]
    assert_letter_says(pdf_of(page, REFUSAL_LETTERS[0]), "reconsideration PDF", expected)
    assert_letter_says(docx_of(page, REFUSAL_LETTERS[0]), "reconsideration DOCX", expected)
    assert_letter_says(
        docx_of(page, "Reasons for appeal"),
        "reasons for appeal DOCX",
        [f"{family['first']} {family['last']}", family["council"], REFUSAL["responses"][1]],
    )


# -- the plan journey ------------------------------------------------------------------------
PLAN_STAGE = "I have a draft plan, or a new final plan, that I disagree with"
LEO = {
    "first": "Leo",
    "last": "Bennett",
    "pronouns": "He and him",
    "born": date(2016, 11, 30),
    "council_option": "Kent",
    "council": "Kent County Council",
    "parent": "Mark Bennett",
    "address": "27 Station Road",
    "town": "Ashford",
    "postcode": "TN23 1AA",
    "email": "mark@example.org",
}
VAGUE = "Leo will have access to speech and language therapy as needed."
SECTION_F = (
    f"{VAGUE}\n"
    "A speech and language therapist will deliver 1:1 therapy for 30 minutes, 3 times a week, "
    "reviewed every 6 weeks against SMART targets.\n"
    "Leo may benefit from support from an adult at unstructured times."
)
FIX = {
    "Who should provide it?": "a qualified speech and language therapist",
    "What should they do?": "1:1 language therapy on understanding spoken instructions",
    "How often?": "3 times a week",
    "For how long each time?": "45 minutes",
    "How will progress be reviewed?": "every 6 weeks against SMART targets",
}


def test_draft_plan_journey_from_the_home_page_to_its_letter(page: Page):
    family = LEO
    start_stage(page, PLAN_STAGE)
    assert "/plan/" in page.url, page.url
    answer_about_pages(page, family)

    on_page(page, "Is it a draft plan or a final plan?")
    choose(page, "A draft plan")
    continue_(page)

    on_page(page, "When did you receive the plan?")
    fill_date(page, days_ago(4))
    continue_(page)

    on_page(page, "Paste section B: your child's special educational needs")
    label(page, "Paste section B: your child's special educational needs").fill(
        "Leo has a severe language disorder and finds it hard to follow instructions."
    )
    continue_(page)

    # Error state: section F is the one section that must be pasted.
    section_f = "Paste section F: the special educational provision"
    on_page(page, section_f)
    continue_(page)
    assert_error(page, section_f, ["Paste or type section F of the plan"])
    label(page, section_f).fill(SECTION_F)
    continue_(page)

    on_page(page, "Make the provision in section F specific")
    sentences = page.locator(".app-repeat-item")
    expect(sentences.get_by_role("heading", level=2)).to_have_text(["Sentence 1", "Sentence 2"])
    first = sentences.filter(has=page.get_by_role("heading", name="Sentence 1", exact=True))
    expect(first.locator(".govuk-inset-text")).to_have_text(VAGUE)
    for question, answer in FIX.items():
        label(first, question).fill(answer)
    continue_(page)

    on_page(page, "Paste section I: the school or college named")
    label(page, "Paste section I: the school or college named").fill("Kingsmead Primary School")
    continue_(page)

    on_page(page, "Which school or college do you want named in the plan?")
    label(page, "Which school or college do you want named in the plan?").fill("Oakfield School")
    continue_(page)

    on_page(page, "What kind of school or college is it?")
    choose(page, "A maintained (council-run) school")
    continue_(page)

    skip_voice_pages(page)

    on_page(page, "Do you want a meeting with the council about the draft plan?")
    choose(page, "Yes")
    continue_(page)

    on_page(page, "Do you want to ask for a personal budget?")
    continue_(page)
    assert_error(
        page,
        "Do you want to ask for a personal budget?",
        ["Select yes if you want to ask for a personal budget"],
    )
    choose(page, "Yes")
    continue_(page)

    letters = ["Comments on the draft EHC plan"]
    write_letters(page, [VAGUE, FIX["What should they do?"]], letters)
    expected = [
        f"{family['first']} {family['last']}",
        family["council"],
        VAGUE,
        FIX["What should they do?"],
        "Oakfield School",
        "I ask you to prepare a personal budget",
        "(Children and Families Act 2014, s.49)",
    ]
    assert_letter_says(pdf_of(page, letters[0]), "draft plan PDF", expected)
    assert_letter_says(docx_of(page, letters[0]), "draft plan DOCX", expected)


# -- the mediation journey -------------------------------------------------------------------
MEDIATION_STAGE = "I need to contact a mediation adviser or go to mediation"
MAYA = {
    "first": "Maya",
    "last": "Clarke",
    "pronouns": "They and them",
    "born": date(2013, 3, 14),
    "council_option": "Manchester",
    "council": "Manchester City Council",
    "parent": "Chris Clarke",
    "address": "Flat 3, 18 Wilmslow Road",
    "town": "Manchester",
    "postcode": "M14 5TQ",
    "email": "chris@example.org",
}
ISSUES = [
    "Whether Maya needs an EHC plan at all",
    "The weekly speech and language therapy the therapist recommends",
]


def test_mediation_journey_from_the_home_page_to_its_letters(page: Page):
    family = MAYA
    start_stage(page, MEDIATION_STAGE)
    assert "/mediation/" in page.url, page.url
    answer_about_pages(page, family)

    on_page(page, "Which decision do you disagree with?")
    choose(page, "A refusal to issue an EHC plan")
    continue_(page)

    on_page(page, "What date is on the decision letter?")
    fill_date(page, days_ago(30))
    continue_(page)

    on_page(page, "Have you contacted the mediation adviser yet?")
    choose(page, "Yes")
    continue_(page)

    on_page(page, "When did you contact the mediation adviser?")
    fill_date(page, days_ago(7))
    continue_(page)

    # Error state: the choice between mediation and the certificate only.
    wants = "Do you want to go to mediation?"
    on_page(page, wants)
    continue_(page)
    assert_error(page, wants, ["Select whether you want mediation"])
    choose(page, "Yes, I want mediation")
    continue_(page)

    on_page(page, "When did you tell the council you want mediation?")
    fill_date(page, days_ago(5))
    continue_(page)

    on_page(page, "What do you want to talk about at mediation?")
    label(page, "What do you want to talk about at mediation?").fill("\n".join(ISSUES))
    continue_(page)

    # The child's own voice, for the one-page summary taken into mediation (issue 14).
    on_page(page, "What are your child's views?")
    choose(page, "What you have heard your child say")
    label(
        page, "What does your child say about school, the help they get and what matters to them?"
    ).fill(MEDIATION_VIEWS)
    continue_(page)
    on_page(page, "What is your child good at, and what do they hope for?")
    continue_(page)  # optional

    on_page(page, "What is the name of the mediation service?")
    label(page, "What is the name of the mediation service?").fill("Global Mediation")
    continue_(page)

    letters = ["Contacting the mediation adviser", "Summary for mediation"]
    write_letters(page, [ISSUES[0], "Global Mediation"], letters)
    expected = [f"{family['first']} {family['last']}", family["council"], *ISSUES]
    heard = f"As I have heard {family['first']} say: {MEDIATION_VIEWS}"
    summary = pdf_of(page, "Summary for mediation")
    assert_letter_says(summary, "mediation summary PDF", [*expected, heard])
    assert_letter_says(
        docx_of(page, "Contacting the mediation adviser"),
        "mediation adviser DOCX",
        [*expected, "Global Mediation"],
    )


# -- the appeal journey ----------------------------------------------------------------------
APPEAL_STAGE = "I want to appeal to the SEND Tribunal"
APPEAL_LETTERS = ["Reasons for appeal", "Evidence index", "What to send with your appeal"]
OLIVER = {
    "first": "Oliver",
    "last": "Hughes",
    "pronouns": "He and him",
    "born": date(2014, 1, 22),
    "council_option": "Norfolk",
    "council": "Norfolk County Council",
    "parent": "Sarah Hughes",
    "address": "The Old Forge, Church Street",
    "town": "Dereham",
    "postcode": "NR19 1DN",
    "email": "sarah@example.org",
}
LATE_REASON = (
    "The decision letter did not tell us about the right to appeal, and Oliver was in "
    "hospital for six weeks this spring."
)
POINTS = ["Oliver's needs can be met at SEN support", "There is not enough evidence"]
ANSWERS = [
    "His school has used every SEN support strategy for two years and he still cannot read.",
    "We now have reports from an educational psychologist and a paediatrician.",
]
APPEAL_EVIDENCE = {
    "kind": EP_REPORT,
    "title": "Educational psychology report for the Tribunal",
    "author": "Dr M Osei, educational psychologist",
    "date": days_ago(90),
    "says": "Oliver's reading age is 6 and he needs daily specialist teaching.",
}
WITNESS = {
    "Name": "Ms J Brown",
    "Who are they?": "Class teacher",
    "What will they tell the Tribunal?": "How Oliver copes in class without an adult beside him.",
}


def test_late_appeal_journey_from_the_home_page_to_its_letters(page: Page):
    family = OLIVER
    start_stage(page, APPEAL_STAGE)
    assert "/appeal/" in page.url, page.url
    answer_about_pages(page, family)

    on_page(page, "Which decision do you disagree with?")
    choose(page, "A refusal to carry out an EHC needs assessment")
    continue_(page)

    # Long enough ago that the 2 months, and the month after the certificate, have passed.
    on_page(page, "What date is on the decision letter?")
    fill_date(page, days_ago(200))
    continue_(page)

    on_page(page, "When was your mediation certificate issued?")
    fill_date(page, days_ago(150))
    continue_(page)

    # Error state: a late appeal must say why.
    late = "Why is your appeal late?"
    on_page(page, late)
    continue_(page)
    assert_error(page, late, ["Explain why the appeal is late"])
    label(page, late).fill(LATE_REASON)
    continue_(page)

    points = "What did the council decide or say that you disagree with?"
    on_page(page, points)
    label(page, points).fill("\n".join(POINTS))
    continue_(page)

    on_page(page, "What would you say to each point?")
    for point, answer in zip(POINTS, ANSWERS, strict=True):
        label(page, council_said(point)).fill(answer)
    continue_(page)

    answer_evidence(page, APPEAL_EVIDENCE)

    on_page(page, "Who will speak for your child at the hearing?")
    witness = page.locator(".app-repeat-item").filter(
        has=page.get_by_role("heading", name="Witness 1", exact=True)
    )
    for question, answer in WITNESS.items():
        label(witness, question).fill(answer)
    continue_(page)

    # No health and care page: a refusal to assess has no plan to make recommendations on.
    skip_voice_pages(page)
    on_page(page, "What do you want the Tribunal to order?")
    label(page, "What do you want the Tribunal to order?").fill(
        "Order Norfolk County Council to carry out an EHC needs assessment."
    )
    continue_(page)

    write_letters(page, [LATE_REASON, WITNESS["Name"]], APPEAL_LETTERS)
    child = f"{family['first']} {family['last']}"
    expected = [child, family["council"], LATE_REASON, *ANSWERS, WITNESS["Name"]]
    assert_letter_says(pdf_of(page, "Reasons for appeal"), "reasons for appeal PDF", expected)
    assert_letter_says(docx_of(page, "Reasons for appeal"), "reasons for appeal DOCX", expected)
    assert_letter_says(
        docx_of(page, "What to send with your appeal"),
        "appeal checklist DOCX",
        [child, family["council"], APPEAL_EVIDENCE["title"]],
    )


# -- a case carried on from the request into the refusal journey -----------------------------
def test_example_case_continues_from_its_timeline_into_the_refusal_journey(page: Page):
    page.goto("/")
    on_page(page, "Get help with an EHC plan for your child")
    press(page, page.get_by_role("button", name="See an example letter"))
    on_page(page, "Your letter is ready")
    press(page, page.get_by_role("link", name=re.compile(r"^See all the dates for this case")))
    on_page(page, "Dates and deadlines")

    next_steps = page.locator("main")
    expect(page.get_by_role("heading", name="Next steps for this case")).to_be_visible()
    press(page, next_steps.get_by_role("button", name="Challenge a refusal", exact=True))

    # The child, parent and council are known from the request: straight to the decision.
    on_page(page, "What did the council refuse?")
    assert re.search(r"/refused/[0-9a-f-]{36}/refusal-kind/$", page.url), page.url
    continue_(page)
    assert_error(page, "What did the council refuse?", ["Select what the council refused"])
    answer_refusal_pages(page, "Sam")

    write_letters(page, ["Sam", REFUSAL["responses"][0]], REFUSAL_LETTERS)
    panel = page.locator(".govuk-panel__body")
    expect(panel).to_contain_text("Sam")
    expect(panel).to_contain_text("Bristol City Council")
    reconsideration = page.locator(".app-letter-preview").first
    expect(reconsideration).to_contain_text("Sam Okafor")
    expect(reconsideration).to_contain_text(REFUSAL["responses"][0])
    assert_letter_says(
        pdf_of(page, REFUSAL_LETTERS[0]),
        "reconsideration PDF",
        ["Sam Okafor", "Bristol City Council", REFUSAL["responses"][1]],
    )


# -- an advocate appeals for a parent --------------------------------------------------------
ADVOCATE = {**OLIVER, "parent": "Priya Shah", "email": "priya@advocacy.example.org"}
REPRESENTED = {
    "name": "Sarah Hughes",
    "address": "The Old Forge, Church Street",
    "town": "Dereham",
    "postcode": "NR19 1DN",
}


def name_the_parent_helped(page: Page) -> None:
    """Only the parent or the young person can appeal: the advocate says who they help,
    straight after their own details."""
    who = "Who are you helping?"
    on_page(page, who)
    continue_(page)
    assert_error(
        page,
        who,
        [
            "Enter the full name of the person you are helping",
            "Select who the person you are helping is",
        ],
    )
    label(page, "Their full name").fill(REPRESENTED["name"])
    choose(page, "Their parent")
    continue_(page)

    on_page(page, "What are their contact details?")
    label(page, "Address line 1").fill(REPRESENTED["address"])
    label(page, "Town or city").fill(REPRESENTED["town"])
    label(page, "Postcode").fill(REPRESENTED["postcode"])
    continue_(page)


def test_an_advocate_appeals_naming_the_parent_whose_rights_these_are(page: Page):
    start_stage(page, APPEAL_STAGE)
    answer_about_pages(
        page,
        ADVOCATE,
        relationship="Advocate writing for the family",
        helping=name_the_parent_helped,
    )

    on_page(page, "Which decision do you disagree with?")
    choose(page, "Only the school or college named in the plan")
    continue_(page)

    on_page(page, "What date is on the decision letter?")
    fill_date(page, days_ago(10))
    continue_(page)

    points = "What did the council decide or say that you disagree with?"
    on_page(page, points)
    label(page, points).fill(
        "The council named Kingsmead Primary School\nIt says Oakfield School costs too much"
    )
    continue_(page)

    on_page(page, "What would you say to each point?")
    continue_(page)

    on_page(page, "Which school or college do you want named in the plan?")
    label(page, "Which school or college do you want named in the plan?").fill("Oakfield School")
    continue_(page)

    on_page(page, "What kind of school or college is it?")
    choose(page, "Another independent school or college (not on the section 41 list)")
    continue_(page)

    on_page(page, "What evidence do you have?")
    continue_(page)
    on_page(page, "Who will speak for Oliver at the hearing?")
    continue_(page)
    on_page(page, "Does your appeal also involve health or social care needs?")
    choose(page, "No")
    continue_(page)
    skip_voice_pages(page, "Oliver")
    on_page(page, "What do you want the Tribunal to order?")
    continue_(page)

    on_page(page, CHECK_ANSWERS)
    whose = page.locator("main .govuk-summary-list").filter(has_text="Their full name")
    expect(whose).to_contain_text(REPRESENTED["name"])
    expect(whose).to_contain_text("Their parent")
    expect(page.get_by_role("heading", name="The person you are helping")).to_be_visible()
    write_letters(page, [REPRESENTED["name"]], APPEAL_LETTERS)
    # The next steps say which law a request for this school is argued under.
    expect(page.locator("main")).to_contain_text("Education Act 1996, s.9")
    # The letters name the parent as the appellant and the advocate as her representative
    # (Act s.51(1)); the school is argued under s.9, never s.39 (an independent school not on
    # the s.41 list).
    for text in (pdf_of(page, "Reasons for appeal"), docx_of(page, "Reasons for appeal")):
        assert_letter_says(
            text,
            "advocate's reasons for appeal",
            [
                f"Appeal by {REPRESENTED['name']}",
                f"represented by {ADVOCATE['parent']}",
                f"{REPRESENTED['name']} appeals to the First-tier Tribunal",
                "(Education Act 1996, s.9)",
            ],
        )
        assert "I am appealing" not in text and "s.39(3)" not in text
    checklist = pdf_of(page, "What to send with your appeal")
    assert_letter_says(
        checklist,
        "advocate's checklist",
        [f"Prepared by {ADVOCATE['parent']}", "the form is in their name"],
    )
