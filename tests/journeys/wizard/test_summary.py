"""Check-your-answers rows: what a parent reads back before the letter is written."""

from datetime import date

from journeys.wizard.definition import REQUEST_ASSESSMENT
from journeys.wizard.summary import summary_sections


def rows_by_key(answers):
    return {
        row.key: (row.lines, row.step)
        for section in summary_sections(REQUEST_ASSESSMENT, answers)
        for row in section.rows
    }


def test_choices_dates_and_items_read_in_plain_english():
    answers = {
        "child-date-of-birth": {"date_of_birth": date(2017, 5, 2)},
        "child-setting": {"setting_kind": "home_educated"},
        "need-areas": {"areas": ["semh", "cognition_learning"]},
        "support-now": [
            {"description": "Nurture group", "since": date(2025, 9, 1), "outcome": "Calmer"}
        ],
        "evidence": [],
    }
    rows = rows_by_key(answers)
    assert rows["What is your child's date of birth?"] == (("2 May 2017",), "child-date-of-birth")
    assert rows["Where does your child go to school, college or nursery?"][0] == ("Home educated",)
    assert rows["Which areas does your child need help with?"][0] == (
        "Social, emotional and mental health",
        "Cognition and learning",
    )
    assert rows["Support 1"] == (
        (
            "Support or education: Nurture group",
            "Started: 1 September 2025",
            "How it is going: Calmer",
        ),
        "support-now",
    )
    assert rows["What evidence do you have?"] == (("None added",), "evidence")


def test_hidden_steps_are_not_summarised_even_if_answered_before():
    answers = {
        "child-setting": {"setting_kind": "none"},
        "setting-details": {"setting_name": "Old School", "year_group": "Year 2"},
    }
    keys = rows_by_key(answers)
    assert "Name of the school, college or nursery" not in keys


def test_rows_are_grouped_under_the_page_captions_in_journey_order():
    answers = {
        "child-name": {"first_name": "Sam", "last_name": "Okafor"},
        "your-details": {"name": "Grace", "relationship": "parent"},
        "anything-else": {"notes": ""},
    }
    headings = [s.heading for s in summary_sections(REQUEST_ASSESSMENT, answers)]
    assert headings == ["About you", "About your child", "Support and evidence"]
    assert rows_by_key(answers)["Is there anything else the council should know?"][0] == (
        "Not given",
    )
