"""The rest of a plan's life (issue 14) in a real browser: proposed amendments, a refusal to
amend, ceasing (a proposal; a decision for a young person of 19 or over, in their own voice),
re-assessment (not asked yet; refused) and a Tribunal order (to amend the plan; dismissed).

Each test starts at its journey's own start address, answers every page by its visible labels,
meets one error state, and runs axe-core on every page shown, the error page and the
confirmation page included. Letters are downloaded as PDF and Word documents and read back.
(The annual review and the phase transfer have their own files.)
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from journeys.rules.deadlines import long_date
from tests.e2e import test_stage_journeys_browser as stage
from tests.e2e.conftest import choose_from_autocomplete
from tests.e2e.test_stage_journeys_browser import (
    EP_REPORT,
    answer_about_pages,
    answer_evidence,
    assert_error,
    assert_letter_says,
    button,
    choose,
    continue_,
    council_said,
    days_ago,
    docx_of,
    fill_date,
    label,
    on_page,
    press,
    skip_voice_pages,
    write_letters,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

APPEAL_LETTERS = ["Reasons for appeal", "Evidence index", "What to send with your appeal"]
WHAT_YOU_SAY = "What would you say to each reason?"

AMY = {
    "first": "Amy",
    "last": "Patel",
    "pronouns": "She and her",
    "born": date(2015, 9, 3),
    "council_option": "Leeds",
    "council": "Leeds City Council",
    "parent": "Nina Patel",
    "address": "12 Otley Road",
    "town": "Leeds",
    "postcode": "LS6 3AA",
    "email": "nina@example.org",
}
BEN = {
    "first": "Ben",
    "last": "Turner",
    "pronouns": "He and him",
    "born": date(2014, 4, 20),
    "council_option": "Norfolk",
    "council": "Norfolk County Council",
    "parent": "Kate Turner",
    "address": "3 Mill Lane",
    "town": "Norwich",
    "postcode": "NR2 4AB",
    "email": "kate@example.org",
}
EVIDENCE = {
    "kind": EP_REPORT,
    "title": "Educational psychology report, summer 2026",
    "author": "Dr L Ahmed, educational psychologist",
    "date": days_ago(60),
    "says": "Needs daily small-group teaching of reading from a specialist teacher.",
}


def pdf_of(page: Page, title: str) -> str:
    """The letter's PDF text; extraction can split "s.45(4)" at the full stop: join it."""
    return re.sub(r"\b(s|r|reg)\. (\d)", r"\1.\2", stage.pdf_of(page, title))


def fill_in(page: Page, heading: str, words: str) -> None:
    """A page with one box whose label is its heading: check it, fill it, continue."""
    on_page(page, heading)
    label(page, heading).fill(words)
    continue_(page)


def answer_voice_pages(page: Page, views: str, strengths: str) -> None:
    """A parent gives their child's views as they heard them, and what the child is good at."""
    on_page(page, "What are your child's views?")
    choose(page, "What you have heard your child say")
    label(
        page,
        "What does your child say about school, the help they get and what matters to them?",
    ).fill(views)
    continue_(page)
    on_page(page, "What is your child good at, and what do they hope for?")
    label(page, "What is your child good at, and what do they enjoy?").fill(strengths)
    continue_(page)


def answer_reasons(page: Page, reasons: list[str], answers: list[str]) -> None:
    """The council's reasons, one a line, then the family's answer to each."""
    fill_in(page, "What reasons did the council give?", "\n".join(reasons))
    # The question stays the heading, with its hint, even for a single reason.
    on_page(page, WHAT_YOU_SAY)
    expect(page.locator("main")).to_contain_text("Say why you disagree")
    for reason, answer in zip(reasons, answers, strict=False):
        label(page, council_said(reason)).fill(answer)
    continue_(page)


def see_what_happens_next(page: Page, shown: list[str], heading: str) -> None:
    """Check your answers of a journey that writes no letter of its own, then its
    confirmation page."""
    on_page(page, "Check your answers")
    expect(page.locator("main")).to_contain_text("Nothing is sent to the council or the Tribunal")
    answers = page.locator("main .govuk-summary-list")
    for words in shown:
        expect(answers.filter(has_text=words).first, f"check answers: {words!r}").to_be_visible()
    press(page, button(page, "Continue"))
    on_page(page, heading)


# -- proposed amendments ---------------------------------------------------------------------
VAGUE = "Amy will have access to speech and language therapy as needed."
AMY_VIEWS = "I like my reading group. I don't like the noisy hall at lunch."
AMY_WANTS = "Keep the 1:1 support at lunchtime that the council proposes to take out."


def test_proposed_amendments_to_the_representations(page: Page):
    sent = days_ago(3)
    page.goto("/amendments/new/")
    on_page(page, "About you")  # who is filling it in, first
    answer_about_pages(page, AMY)

    proposed = "What date did the council send its proposed changes?"
    on_page(page, proposed)
    continue_(page)
    assert_error(page, proposed, ["Enter the date the proposed changes were sent"])
    fill_date(page, sent)
    continue_(page)

    on_page(page, "Paste section B: your child's special educational needs")
    continue_(page)  # optional: Amy's parent agrees with section B

    fill_in(page, "Paste section F as the council proposes it", VAGUE)

    on_page(page, "Make the provision in section F specific")
    label(page, "Who should provide it?").fill("a qualified speech and language therapist")
    label(page, "How often?").fill("once a week")
    label(page, "For how long each time?").fill("45 minutes")
    continue_(page)

    on_page(page, "Paste section I: the school or college named")
    continue_(page)

    fill_in(page, "What else do you want the council to change?", AMY_WANTS)

    on_page(page, "Do you want to ask for a particular school or college to be named?")
    choose(page, "Yes")
    continue_(page)

    fill_in(page, "Which school or college do you want named in the plan?", "Oakfield Academy")

    on_page(page, "What kind of school or college is it?")
    choose(page, "An academy or free school")
    continue_(page)

    answer_voice_pages(page, AMY_VIEWS, "Drawing, and looking after her rabbit.")

    letters = ["Comments on the proposed changes to the EHC plan"]
    write_letters(page, [AMY_WANTS, "Oakfield Academy", AMY_VIEWS], letters)
    due = sent + timedelta(days=14)  # 15 days counting the day it was sent (reg 22(2)(c))
    expected = [
        f"{AMY['first']} {AMY['last']}",
        AMY["council"],
        "(SEND Regulations 2014, reg 22(2)(c))",
        f"{due.day} {due.strftime('%B')} {due.year}",
        "I ask you to name Oakfield Academy",
        AMY_WANTS,
        "once a week",
        AMY_VIEWS,
    ]
    assert_letter_says(pdf_of(page, letters[0]), "amendment representations PDF", expected)
    assert_letter_says(docx_of(page, letters[0]), "amendment representations DOCX", expected)


# -- the council will not amend the plan -----------------------------------------------------
NOT_AMENDED_REASONS = ["The plan still meets Ben's needs", "Ben is making good progress"]
NOT_AMENDED_ANSWERS = [
    "The educational psychologist says he now needs daily specialist teaching.",
    "His reading age has not moved in a year.",
]
BEN_WANTS = "Amend section F to give Ben daily small-group reading with a specialist teacher."


def test_a_refusal_to_amend_to_its_appeal_documents(page: Page):
    page.goto("/not-amended/new/")
    on_page(page, "About you")  # who is filling it in, first
    answer_about_pages(page, BEN)

    on_page(page, "What date is on the council's letter saying it will not change the plan?")
    fill_date(page, days_ago(20))
    continue_(page)

    reasons = "What reasons did the council give?"
    on_page(page, reasons)
    continue_(page)
    assert_error(page, reasons, ["Enter at least one reason the council gave"])
    label(page, reasons).fill("\n".join(NOT_AMENDED_REASONS))
    continue_(page)
    on_page(page, WHAT_YOU_SAY)
    for reason, answer in zip(NOT_AMENDED_REASONS, NOT_AMENDED_ANSWERS, strict=True):
        label(page, council_said(reason)).fill(answer)
    continue_(page)

    answer_evidence(page, EVIDENCE)
    fill_in(page, "What do you want to happen?", BEN_WANTS)

    write_letters(page, [NOT_AMENDED_REASONS[0], EVIDENCE["title"], BEN_WANTS], APPEAL_LETTERS)
    child = f"{BEN['first']} {BEN['last']}"
    expected = [
        child,
        BEN["council"],
        "not to amend Ben's EHC plan after a review",
        "section 51(2)(e) of the Children and Families Act 2014",
        *NOT_AMENDED_ANSWERS,
    ]
    assert_letter_says(pdf_of(page, "Reasons for appeal"), "reasons for appeal PDF", expected)
    assert_letter_says(docx_of(page, "Reasons for appeal"), "reasons for appeal DOCX", expected)
    assert_letter_says(
        docx_of(page, "Evidence index"), "evidence index DOCX", [child, EVIDENCE["title"]]
    )
    assert_letter_says(
        docx_of(page, "What to send with your appeal"),
        "appeal checklist DOCX",
        [child, BEN["council"], EVIDENCE["title"]],
    )


# -- ceasing: a proposal, answered by a parent -----------------------------------------------
CEASE_REASONS = ["Amy's needs can now be met without a plan"]
CEASE_ANSWERS = ["Amy still needs weekly therapy, which her school cannot fund on its own."]


def test_a_parent_answers_a_proposal_to_stop_the_plan(page: Page):
    page.goto("/ceasing/new/")
    on_page(page, "About you")  # who is filling it in, first
    answer_about_pages(page, AMY)

    told = "What has the council told you?"
    on_page(page, told)
    continue_(page)
    assert_error(page, told, ["Select what the council has told you"])
    choose(page, "It is thinking about stopping the plan, and asks for my views")
    continue_(page)

    on_page(page, "What date is on the council's letter?")
    fill_date(page, days_ago(10))
    continue_(page)

    answer_reasons(page, CEASE_REASONS, CEASE_ANSWERS)
    # Amy is 11: no question about the outcomes at 19.
    on_page(page, "What evidence do you have?")
    continue_(page)
    answer_voice_pages(page, AMY_VIEWS, "Swimming and drawing.")
    on_page(page, "What do you want to happen?")
    continue_(page)  # optional: the letter asks for what the law says

    letters = ["Response to the proposal to stop the EHC plan"]
    write_letters(page, [CEASE_ANSWERS[0], AMY_VIEWS], letters)
    expected = [
        f"{AMY['first']} {AMY['last']}",
        AMY["council"],
        CEASE_ANSWERS[0],
        "must continue to maintain it until the appeal is decided",
        "s.45(4)",
        AMY_VIEWS,
    ]
    for text, what in (
        (pdf_of(page, letters[0]), "cease response PDF"),
        (docx_of(page, letters[0]), "cease response DOCX"),
    ):
        assert_letter_says(text, what, expected)
        assert "9.200" not in text, f"the {what} cites Code 9.200 for a child of 11"


# -- ceasing: a decision, for a young person of 19 or over, in their own voice ---------------
def young_person_about_pages(page: Page, born: date) -> None:
    """The opening pages filled in by Jordan, 20, for themselves: they say first that it is
    them, so every page after says "you"."""
    on_page(page, "About you")
    label(page, "Your full name").fill("Jordan Reid")
    choose(page, "I am the young person (aged 16 to 25)")
    continue_(page)
    on_page(page, "How can the council contact you?")
    label(page, "Address line 1").fill("Flat 2, 5 Gloucester Road")
    label(page, "Town or city").fill("Bristol")
    label(page, "Postcode").fill("BS7 8AA")
    label(page, "Email address").fill("jordan@example.org")
    continue_(page)
    on_page(page, "What is your name?")
    label(page, "First name").fill("Jordan")
    label(page, "Last name").fill("Reid")
    continue_(page)
    on_page(page, "How should the letter refer to you?")
    choose(page, "They and them")
    continue_(page)
    on_page(page, "What is your date of birth?")
    fill_date(page, born)
    continue_(page)
    council = "Which council is responsible for you?"
    on_page(page, council)
    choose_from_autocomplete(page, council, "Bristol")
    continue_(page)


JORDAN_REASONS = ["Jordan is now 20 and has been in education long enough"]
JORDAN_ANSWERS = ["I have not yet reached the outcomes in my plan, and I want to finish my course."]
JORDAN_VIEWS = "I want to finish my catering course and get a job in a kitchen."


def test_a_young_person_of_20_appeals_a_decision_to_stop_their_plan(page: Page):
    today = timezone.localdate()
    born = today.replace(year=today.year - 20, day=1)
    page.goto("/ceasing/new/")
    on_page(page, "About you")  # who is filling it in, first
    young_person_about_pages(page, born)

    on_page(page, "What has the council told you?")
    choose(page, "It has decided to stop the plan")
    continue_(page)
    on_page(page, "What date is on the council's letter?")
    fill_date(page, days_ago(7))
    continue_(page)
    answer_reasons(page, JORDAN_REASONS, JORDAN_ANSWERS)

    outcomes = "Has the council said whether the outcomes in the plan have been achieved?"
    on_page(page, outcomes)
    continue_(page)
    assert_error(page, outcomes, ["Select what the council has said about the outcomes"])
    choose(page, "It says they have not all been achieved")
    continue_(page)

    on_page(page, "What evidence do you have?")
    continue_(page)
    # Their views are their own words: one question, the page's title too, told it is optional.
    views = "What do you think about your education, the help you get and what matters to you?"
    on_page(page, views)
    expect(page).to_have_title(re.compile(rf"^{re.escape(views)} \u2013 "))
    expect(page.locator("main")).to_contain_text("This page is optional")
    label(page, views).fill(JORDAN_VIEWS)
    continue_(page)
    on_page(page, "What are you good at, and what do you hope for?")
    continue_(page)
    on_page(page, "Preparing for adulthood")
    continue_(page)
    fill_in(page, "What do you want to happen?", "Keep my plan until I finish my course.")

    write_letters(page, [JORDAN_ANSWERS[0], JORDAN_VIEWS], APPEAL_LETTERS)
    expected = [
        "Jordan Reid",
        "Bristol City Council",
        "section 51(2)(f)",
        "must continue to maintain it until the appeal is decided",
        "(SEND Code of Practice 2015, para 9.200)",
        "The council says that my education or training outcomes have not all been achieved.",
        JORDAN_ANSWERS[0],
    ]
    for text, what in (
        (pdf_of(page, "Reasons for appeal"), "young person's reasons for appeal PDF"),
        (docx_of(page, "Reasons for appeal"), "young person's reasons for appeal DOCX"),
    ):
        assert_letter_says(text, what, expected)
        assert "my child" not in text.lower(), f"the {what} speaks of 'my child'"
    checklist = docx_of(page, "What to send with your appeal")
    assert_letter_says(
        checklist,
        "young person's checklist",
        ["Bristol City Council", "decision to stop maintaining your EHC plan"],
    )
    assert "my child" not in checklist.lower()


# -- re-assessment ---------------------------------------------------------------------------
CHANGES = "What has changed since the last assessment?"
BEN_CHANGED = "Ben now has panic attacks most mornings and misses the first lesson."
BEN_ADVICE = "CAMHS recommend weekly therapy in school."


def answer_changes(page: Page) -> None:
    """What has changed: nothing entered first (the error state), then two parts."""
    on_page(page, CHANGES)
    continue_(page)
    assert_error(page, CHANGES, ["Say what has changed in at least one part"])
    label(page, "Your child's needs (optional)").fill(BEN_CHANGED)
    label(page, "New advice from professionals (optional)").fill(BEN_ADVICE)
    continue_(page)


def test_a_re_assessment_not_asked_for_yet_gets_the_request(page: Page):
    page.goto("/reassessment/new/")
    on_page(page, "About you")  # who is filling it in, first
    answer_about_pages(page, BEN)
    answer_changes(page)
    answer_evidence(page, EVIDENCE)

    on_page(page, "Have you already asked the council to re-assess?")
    choose(page, "No, I have not asked yet")
    continue_(page)
    skip_voice_pages(page)

    letters = ["Request for a re-assessment"]
    write_letters(page, [BEN_CHANGED, EVIDENCE["title"]], letters)
    expect(page.locator("main")).to_contain_text("within 15 days of receiving the request")
    expected = [
        f"{BEN['first']} {BEN['last']}",
        BEN["council"],
        BEN_CHANGED,
        BEN_ADVICE,
        EVIDENCE["title"],
    ]
    assert_letter_says(pdf_of(page, letters[0]), "re-assessment request PDF", expected)
    assert_letter_says(docx_of(page, letters[0]), "re-assessment request DOCX", expected)


REASSESS_REASON = "The changes can be dealt with at an annual review"
REASSESS_ANSWER = "The review in June changed nothing, and his panic attacks started after it."


def test_a_refused_re_assessment_gets_the_appeal_documents(page: Page):
    page.goto("/reassessment/new/")
    on_page(page, "About you")  # who is filling it in, first
    answer_about_pages(page, BEN)
    answer_changes(page)
    answer_evidence(page, EVIDENCE)

    on_page(page, "Have you already asked the council to re-assess?")
    choose(page, "Yes, and the council refused")
    continue_(page)

    on_page(page, "What date is on the decision letter?")
    fill_date(page, days_ago(14))
    continue_(page)

    on_page(page, "What reasons did the council give?")
    page.get_by_role("checkbox", name=REASSESS_REASON, exact=True).check()
    continue_(page)
    on_page(page, WHAT_YOU_SAY)
    label(page, council_said(REASSESS_REASON)).fill(REASSESS_ANSWER)
    continue_(page)
    skip_voice_pages(page)

    write_letters(page, [REASSESS_REASON, REASSESS_ANSWER], APPEAL_LETTERS)
    expect(page.locator("main")).to_contain_text("s.51(2)(d)")
    child = f"{BEN['first']} {BEN['last']}"
    expected = [child, BEN["council"], REASSESS_ANSWER, BEN_CHANGED, "s.51(2)(d)"]
    assert_letter_says(pdf_of(page, "Reasons for appeal"), "reasons for appeal PDF", expected)
    assert_letter_says(docx_of(page, "Reasons for appeal"), "reasons for appeal DOCX", expected)
    assert_letter_says(
        docx_of(page, "Evidence index"), "evidence index DOCX", [child, EVIDENCE["title"]]
    )


# -- after the Tribunal ----------------------------------------------------------------------
HOW = "How did the appeal end?"
ORDER_SAID = "Section F to include weekly speech and language therapy from a therapist."


def test_an_order_to_amend_the_plan_shows_the_date_and_chases_a_late_council(page: Page):
    decided = days_ago(50)
    due = decided + timedelta(weeks=5)  # reg 44(2): the amended plan within 5 weeks
    page.goto("/tribunal-order/new/")
    on_page(page, "About you")  # who is filling it in, first
    answer_about_pages(page, AMY)

    on_page(page, HOW)
    continue_(page)
    assert_error(page, HOW, ["Select how the appeal ended"])
    choose(page, "The Tribunal decided the appeal")
    continue_(page)

    on_page(page, "What date is on the Tribunal's decision?")
    fill_date(page, decided)
    continue_(page)

    on_page(page, "What must the council do now?")
    choose(page, "Change what the plan says (sections B, F or I)")
    continue_(page)

    on_page(page, "What did the order say? (optional)")
    label(page, "What did the order say? (optional)").fill(ORDER_SAID)
    continue_(page)

    see_what_happens_next(page, [ORDER_SAID], "Your letter is ready")
    main = page.locator("main")
    expect(main).to_contain_text("SEND Regulations 2014, reg 44")
    expect(main).to_contain_text(ORDER_SAID)
    dates = page.locator("main ul.govuk-list").filter(has_text=long_date(due))
    expect(dates).to_contain_text("Late")
    letter = "A statutory time limit has passed"
    expect(page.locator("main h2[id^='letter-']")).to_have_text([letter])
    expected = [f"{AMY['first']} {AMY['last']}", AMY["council"], "reg 44"]
    assert_letter_says(pdf_of(page, letter), "chaser PDF", expected)
    assert_letter_says(docx_of(page, letter), "chaser DOCX", expected)


def test_a_dismissed_appeal_says_what_it_means(page: Page):
    page.goto("/tribunal-order/new/")
    on_page(page, "About you")  # who is filling it in, first
    answer_about_pages(page, BEN)

    on_page(page, HOW)
    choose(page, "The Tribunal decided the appeal")
    continue_(page)
    on_page(page, "What date is on the Tribunal's decision?")
    fill_date(page, days_ago(5))
    continue_(page)

    order = "What must the council do now?"
    on_page(page, order)
    continue_(page)
    assert_error(page, order, ["Select what the council must do"])
    choose(page, "Nothing: the appeal was dismissed")
    continue_(page)

    see_what_happens_next(page, ["Nothing: the appeal was dismissed"], "You are all set")
    main = page.locator("main")
    expect(main).to_contain_text("The Tribunal dismissed the appeal")
    expect(main).to_contain_text("SENDIASS")
    expect(page.get_by_role("heading", name="Dates that matter")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile(r"^Download as PDF"))).to_have_count(0)
