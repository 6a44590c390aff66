"""The wording checker, sections F and B (SEND Code of Practice 2015, 9.69): tables, properties."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeys.rules.wording import (
    AREA_EXAMPLES,
    CODE_OF_PRACTICE_9_69,
    FLAG_RULES,
    NEED_TERMS,
    PROVISION_PHRASES,
    VAGUE_TERMS,
    Flag,
    FlagCode,
    ProvisionArea,
    SentenceReport,
    Severity,
    check_need,
    check_needs_text,
    check_provision,
    check_text,
    provision_area,
    specific_wording,
    split_sentences,
)

VAGUE = FlagCode.VAGUE_TERM
WHO = FlagCode.NO_PROVIDER
QUAL = FlagCode.NO_QUALIFICATION
OFTEN = FlagCode.NO_FREQUENCY
LONG = FlagCode.NO_DURATION
REVIEW = FlagCode.NO_REVIEW
DISCRETION = FlagCode.LEFT_TO_DISCRETION
FUNDING = FlagCode.FUNDING_NOT_PROVISION
COUNCIL = FlagCode.COUNCIL_MAY_CHANGE
UNNAMED = FlagCode.UNNAMED_APPROACH
PHRASE_CODES = frozenset({VAGUE, DISCRETION, FUNDING, COUNCIL, UNNAMED})
NONE: frozenset[FlagCode] = frozenset()


# Pieces of the new phrases, so that the properties below meet them, whole and in part.
_NEW_PHRASES = st.sampled_from(
    [
        "as determined by the school",
        "at the school's discretion",
        "as the school sees fit",
        "subject to availability",
        "subject to review by the local authority",
        "at the discretion of the LA",
        "band 3 funding",
        "top-up \u00a36,000",
        "element 3",
        "may be reduced",
        "until further notice",
        "literacy interventions",
        "appropriate strategies",
        "a reading programme",
        "such as",
        "where appropriate",
        "some",
        "TA",
        "30 minutes daily",
        ".",
    ]
)


def row(sentence: str, codes=NONE, phrases=()):
    """One provision statement, the set of flag codes it gets, and every non-empty phrase."""
    return pytest.param(sentence, frozenset(codes), frozenset(phrases), id=sentence[:60])


# Statements of the kind found in real EHC plans. `phrases` holds each VAGUE_TERM phrase and
# the provider that a NO_QUALIFICATION flag names.
PROVISION_TABLE = [
    # -- vague or incomplete --------------------------------------------------------------
    row(
        "Sam will have access to speech and language therapy.",
        {VAGUE, WHO, OFTEN, LONG, REVIEW},
        {"access to"},
    ),
    row(
        "Regular opportunities for social skills work in a small group.",
        {VAGUE, WHO, OFTEN, LONG, REVIEW},
        {"Regular", "opportunities for"},
    ),
    row(
        "Adult support as needed during unstructured times.",
        {VAGUE, QUAL, OFTEN, LONG, REVIEW},
        {"Adult support", "as needed", "Adult"},
    ),
    row(
        "Jamie may benefit from input from an occupational therapist.",
        {VAGUE, OFTEN, LONG, REVIEW},
        {"may benefit from", "input from"},
    ),
    row(
        "Up to 3 hours of teaching assistant support each week.",
        {VAGUE, QUAL, REVIEW},
        {"Up to", "teaching assistant"},
    ),
    row(
        "Priya should be encouraged to use her visual timetable.",
        {VAGUE, WHO, OFTEN, LONG, REVIEW},
        {"should", "encouraged to"},
    ),
    row(
        "Staff will consider the use of a movement break where possible.",
        {VAGUE, QUAL, OFTEN, LONG, REVIEW},
        {"consider", "where possible", "Staff"},
    ),
    # About monitoring, not provision: only the vague words are flagged.
    row("Ongoing monitoring by the SENCO.", {VAGUE}, {"Ongoing", "monitoring"}),
    row("Progress will be monitored regularly.", {VAGUE}, {"monitored", "regularly"}),
    row(
        "Periodic advice from the educational psychologist to school staff.",
        {VAGUE, QUAL, OFTEN, LONG, REVIEW},
        {"Periodic", "advice from", "staff"},
    ),
    row("Some 1:1 support with reading.", {VAGUE, QUAL, OFTEN, LONG, REVIEW}, {"Some", "1:1"}),
    row(
        "Tom will receive speech and language therapy as and when required.",
        {VAGUE, WHO, OFTEN, LONG, REVIEW},
        {"as and when"},
    ),
    row(
        "Access to a quiet space when needed.",
        {VAGUE, WHO, OFTEN, LONG, REVIEW},
        {"Access to", "when needed"},
    ),
    row(
        "Lily would benefit from a programme of precision teaching.",
        {VAGUE, WHO, OFTEN, LONG, REVIEW},
        {"would benefit from"},
    ),
    row(
        "Advice from a specialist teacher for autism should be sought.",
        {VAGUE, OFTEN, LONG, REVIEW},
        {"Advice from", "should"},
    ),
    row(
        "Additional adult support in class, if required.",
        {VAGUE, QUAL, OFTEN, LONG, REVIEW},
        {"adult support", "if required", "adult"},
    ),
    row("SLT input 3 times a year.", {VAGUE, LONG, REVIEW}, {"SLT input"}),
    row(
        "It is recommended that Ben has a programme of fine motor activities devised by an OT "
        "and delivered by a TA.",
        {VAGUE, QUAL, OFTEN, LONG, REVIEW},
        {"It is recommended", "TA"},
    ),
    # Which phonics programme? (UNNAMED_APPROACH)
    row(
        "A teaching assistant will deliver a daily phonics programme for 20 minutes.",
        {QUAL, REVIEW, UNNAMED},
        {"teaching assistant", "phonics programme"},
    ),
    row(
        "Sam will attend a weekly social communication group run by a speech and language "
        "therapist.",
        {LONG, REVIEW},
    ),
    row(
        "An occupational therapist will provide a sensory diet programme for 30 minutes.",
        {OFTEN, REVIEW},
    ),
    row("Emotional literacy sessions for 30 minutes twice a week, reviewed termly.", {WHO}),
    row(
        "Jack will be supported by a key worker at the start of each day.",
        {QUAL, LONG, REVIEW},
        {"key worker"},
    ),
    row(
        "Mentoring sessions with a learning mentor every week, reviewed at each review meeting.",
        {QUAL, LONG},
        {"learning mentor"},
    ),
    row("A TA will check in with Ava every morning.", {QUAL, LONG, REVIEW}, {"TA"}),
    row("The school will provide a differentiated curriculum.", {WHO, OFTEN, LONG, REVIEW}),
    row(
        "Physiotherapy programme to be overseen by the physiotherapist and carried out by "
        "trained staff.",
        {OFTEN, LONG, REVIEW},
    ),
    # "every 6 weeks" belongs to the review, not to the therapy.
    row(
        "Speech and language therapy will be provided by the SaLT, reviewed every 6 weeks.",
        {OFTEN, LONG},
    ),
    row("2:1 staffing at all times during the school day.", {QUAL, REVIEW}, {"2:1"}),
    row(
        "A 1:1 teaching assistant for 25 hours per week.",
        {QUAL, REVIEW},
        {"teaching assistant"},
    ),
    # -- not provision at all: a heading, a need (section B), a review statement --------------
    row("Communication and interaction"),
    row("Sam finds it hard to follow spoken instructions."),
    row("Progress will be reviewed termly."),
    row("Progress will be measured by the speech and language therapist each term."),
    row("A SaLT, reviewed termly."),  # names who, but only says how it is reviewed
    # -- specific and quantified: no flags ----------------------------------------------------
    row(
        "A speech and language therapist will deliver 1:1 therapy for 30 minutes, 3 times a "
        "week, reviewed every 6 weeks against SMART targets."
    ),
    row(
        "A teaching assistant trained in ELKLAN will deliver a language group for 30 minutes "
        "twice a week, with progress reviewed each half term by the speech and language "
        "therapist."
    ),
    row(
        "An occupational therapist will deliver 1:1 sensory integration therapy for 45 minutes "
        "once a week for 10 weeks, with progress measured by the Sensory Profile at the start "
        "and end of the block."
    ),
    row(
        "Jamie will receive 32.5 hours per week of 1:1 support from a learning support "
        "assistant with training in autism, with progress reviewed termly by the SENCO."
    ),
    row(
        "A specialist teacher with a qualification in specific learning difficulties will "
        "teach Ella for two 45-minute sessions each week, and progress will be reviewed every "
        "term using standardised reading tests."
    ),
    row(
        "A full-time learning support assistant, trained in Team Teach, will support Leo for "
        "the whole school day, with targets reviewed every 6 weeks by the class teacher."
    ),
    row(
        "The educational psychologist will work directly with Mia for 1 hour each half term "
        "and review her progress against her EHCP outcomes at each visit."
    ),
    row(
        "A physiotherapist will deliver 30-minute sessions weekly, and a teaching assistant "
        "with training from the physiotherapist will carry out the exercises for 15 minutes "
        "daily; progress will be reviewed termly."
    ),
    row(
        "A qualified teacher of the deaf will teach Noah 1:1 for 2 hours per week, reviewed "
        "at the annual review."
    ),
    row(
        "An ELSA trained by the educational psychologist will deliver 1:1 emotional literacy "
        "sessions for 30 minutes once a week for 6 weeks, with progress measured by the SDQ."
    ),
    row(
        "Precision teaching will be delivered by a teaching assistant who has completed "
        "precision teaching training, for 10 minutes every school day, with progress tracked "
        "against weekly probes and reviewed monthly by the SENCO."
    ),
    row(
        "An HCPC-registered music therapist will provide 1:1 music therapy for 45 minutes "
        "weekly during term time, with outcomes reviewed termly."
    ),
    row(
        "A teaching assistant trained in Lego therapy will run a 30-minute group 3 times a "
        "week and keep the progress log up to date for review each half term."
    ),
]


def test_the_table_is_big_enough_and_has_ten_specific_statements():
    assert len(PROVISION_TABLE) >= 30
    assert sum(1 for param in PROVISION_TABLE if not param.values[1] and not param.values[2]) >= 10


@pytest.mark.parametrize(("sentence", "codes", "phrases"), PROVISION_TABLE)
def test_check_provision(sentence, codes, phrases):
    flags = check_provision(sentence)
    assert {flag.code for flag in flags} == codes
    assert {flag.phrase for flag in flags if flag.phrase} == phrases


class CheckProvisionTests:
    @pytest.mark.parametrize(
        "phrase",
        [
            "access to",
            "regular",
            "regularly",
            "as needed",
            "as required",
            "when needed",
            "as appropriate",
            "where appropriate",
            "if required",
            "opportunities for",
            "opportunity to",
            "may benefit from",
            "would benefit from",
            "could benefit from",
            "support from an adult",
            "adult support",
            "up to",
            "some",
            "ongoing",
            "periodic",
            "periodically",
            "as and when",
            "encouraged to",
            "consider",
            "should",
            "where possible",
            "if possible",
            "input from",
            "monitored",
            "advice from",
            "OT input",
        ],
    )
    def test_each_vague_term_is_reported_with_its_words(self, phrase):
        flags = check_provision(f"The plan says {phrase} here.")
        assert phrase in {flag.phrase for flag in flags if flag.code is VAGUE}

    def test_vague_terms_are_matched_whatever_the_case_and_across_line_breaks(self):
        flags = check_provision("ACCESS\nTO a laptop, As  Needed.")
        assert [flag.phrase for flag in flags if flag.code is VAGUE] == ["ACCESS\nTO", "As  Needed"]

    @pytest.mark.parametrize(
        "sentence",
        [
            "An irregular verb.",
            "Someone handsome.",
            "A considerable shoulder.",
            "Keep the records up to date.",
            "Keep the records up-to-date.",
            "Accessible equipment.",
            "An adulthood plan.",
            "Use salt dough and a teapot.",
        ],
    )
    def test_whole_words_only(self, sentence):
        assert not [flag for flag in check_provision(sentence) if flag.code is VAGUE]

    def test_up_to_is_vague_even_with_a_number_because_it_allows_none(self):
        flags = check_provision("A speech and language therapist for up to 3 hours a week.")
        assert [(flag.code, flag.phrase) for flag in flags] == [(VAGUE, "up to"), (REVIEW, "")]

    def test_overlapping_and_repeated_phrases_are_reported_once(self):
        flags = check_provision("Regular support as and when needed, and regular checks.")
        assert [flag.phrase for flag in flags if flag.code is VAGUE] == ["Regular", "as and when"]

    def test_flags_come_in_order_vague_then_who_qualification_often_long_review(self):
        flags = check_provision("Regular access to adult support.")
        assert [flag.code for flag in flags] == [VAGUE, VAGUE, VAGUE, QUAL, OFTEN, LONG, REVIEW]
        assert [flag.phrase for flag in flags[:3]] == ["Regular", "access to", "adult support"]

    @pytest.mark.parametrize(
        "provider",
        [
            "speech and language therapist",
            "speech & language therapist",
            "SaLT",
            "SALT",
            "SLT",
            "occupational therapist",
            "OT",
            "educational psychologist",
            "EP",
            "physiotherapist",
            "specialist teacher",
            "class teacher",
            "SENCO",
            "SENCo",
            "school nurse",
            "ELSA",
            "QTVI",
            "music therapist",
        ],
    )
    def test_professions_need_no_stated_qualification(self, provider):
        sentence = f"A {provider} will deliver therapy for 30 minutes weekly, reviewed termly."
        assert check_provision(sentence) == ()

    @pytest.mark.parametrize(
        "provider",
        [
            "teaching assistant",
            "TA",
            "learning support assistant",
            "LSA",
            "higher level teaching assistant",
            "HLTA",
            "mentor",
            "key worker",
            "keyworker",
            "adult",
            "staff member",
            "member of staff",
            "one-to-one adult",
            "tutor",
            "counsellor",
            "support worker",
            "special needs assistant",
            "therapist",
        ],
    )
    def test_staff_roles_need_their_training_stated(self, provider):
        sentence = f"A {provider} will deliver sessions for 30 minutes weekly, reviewed termly."
        [flag] = check_provision(sentence)
        assert flag.code is QUAL
        assert flag.phrase in provider
        assert flag.phrase in flag.explanation

    @pytest.mark.parametrize(
        "training",
        [
            "trained in attention autism",
            "with training in Makaton",
            "who has received ELKLAN training",
            "who is qualified in BSL",
            "experienced in autism",
            "with experience of Team Teach",
            "with expertise in dyslexia",
            "HCPC-registered",
            "who is accredited",
        ],
    )
    def test_stated_training_satisfies_qualification(self, training):
        sentence = (
            f"A teaching assistant {training} will run a 30-minute group daily, reviewed termly."
        )
        assert check_provision(sentence) == ()

    def test_one_to_one_alone_asks_who_and_what_training(self):
        [flag] = check_provision("1-1 support for 20 minutes daily, reviewed termly.")
        assert (flag.code, flag.phrase) == (QUAL, "1-1")

    @pytest.mark.parametrize(
        "how_often",
        [
            "daily",
            "each day",
            "every day",
            "weekly",
            "3 times a week",
            "2 times per day",
            "twice a week",
            "three times a term",
            "2 x per week",
            "3 x 20 minutes",
            "once a fortnight",
            "every morning",
            "each lesson",
            "termly",
            "half-termly",
            "per session",
            "every other day",
            "on Mondays",
            "every 2 weeks",
            "3 hours pw",
        ],
    )
    def test_frequency_is_recognised(self, how_often):
        sentence = f"A speech and language therapist: 30 minutes {how_often}, reviewed termly."
        assert OFTEN not in {flag.code for flag in check_provision(sentence)}

    @pytest.mark.parametrize(
        "how_long",
        [
            "30 minutes",
            "20 mins",
            "20mins",
            "1 hour",
            "an hour",
            "half an hour",
            "45-minute sessions",
            "2 hrs",
            "full-time",
            "for the whole school day",
            "32.5 hours",
            "half a day",
            "2 days",
            "a half-day",
            "25 hpw",
        ],
    )
    def test_duration_is_recognised(self, how_long):
        sentence = f"A speech and language therapist: {how_long} 3 times a week, reviewed termly."
        assert LONG not in {flag.code for flag in check_provision(sentence)}

    def test_every_two_days_is_a_frequency_not_a_duration(self):
        codes = {flag.code for flag in check_provision("A SaLT every 2 days, reviewed termly.")}
        assert codes == {LONG}

    @pytest.mark.parametrize(
        "reviewed",
        [
            "reviewed termly",
            "progress measured by standardised tests",
            "reviewed at the annual review",
            "targets reviewed every 6 weeks",
            "progress will be tracked each half term",
            "assessed against a baseline",
            "with a reassessment in July",
        ],
    )
    def test_review_is_recognised(self, reviewed):
        sentence = f"A speech and language therapist for 30 minutes 3 times a week, {reviewed}."
        assert check_provision(sentence) == ()

    def test_a_frequency_after_a_review_word_is_not_the_provisions(self):
        sentence = "A SaLT will deliver therapy for 30 minutes, reviewed termly."
        assert {flag.code for flag in check_provision(sentence)} == {OFTEN}

    @pytest.mark.parametrize("sentence", ["", "   ", "\u2022", "--- ... ---"])
    def test_no_words_no_flags(self, sentence):
        assert check_provision(sentence) == ()

    def test_absence_flags_explain_and_ask_in_plain_words(self):
        flags = {flag.code: flag for flag in check_provision("Help.")}
        assert set(flags) == {WHO, OFTEN, LONG, REVIEW}
        assert flags[OFTEN].question == "How often should this happen? For example, 3 times a week."
        assert flags[LONG].question.startswith("How long")
        assert flags[WHO].question.startswith("Who")
        assert flags[REVIEW].question.startswith("How and when")
        assert all(flag.phrase == "" and flag.explanation for flag in flags.values())

    def test_vague_flags_quote_the_phrase_in_their_explanation(self):
        [flag, *_] = check_provision("Regularly.")
        assert flag == Flag(
            code=VAGUE,
            phrase="Regularly",
            explanation=flag.explanation,
            question="How often should this happen? For example, 3 times a week.",
        )
        assert '"Regularly"' in flag.explanation

    def test_every_vague_term_has_an_explanation_and_a_question(self):
        assert all(term.explanation and term.question for term in VAGUE_TERMS)

    def test_the_code_of_practice_quotation(self):
        assert CODE_OF_PRACTICE_9_69.startswith("Provision must be detailed and specific")
        assert CODE_OF_PRACTICE_9_69.endswith("secured through a Personal Budget")


# -- discretion, funding, council changes, unnamed approaches -----------------------------------


def phrases(sentence: str, *found: tuple[FlagCode, str]):
    """A statement and the phrase flags it gets, in order (the "missing" flags are left out)."""
    return pytest.param(sentence, list(found), id=sentence[:60])


PHRASE_TABLE = [
    # Left to someone's discretion (s.42(2)).
    phrases(
        "Speech and language therapy as determined by the school.",
        (DISCRETION, "as determined by the school"),
    ),
    phrases("Breaks at the school's discretion.", (DISCRETION, "at the school's discretion")),
    phrases(
        "Breaks at the school\u2019s discretion.", (DISCRETION, "at the school\u2019s discretion")
    ),
    phrases("Breaks at their discretion.", (DISCRETION, "at their discretion")),
    phrases(
        "Adult support as the school sees fit.",
        (VAGUE, "Adult support"),
        (DISCRETION, "as the school sees fit"),
    ),
    phrases("Sessions as they see fit.", (DISCRETION, "as they see fit")),
    phrases("A TA will help, subject to availability.", (DISCRETION, "subject to availability")),
    phrases("Small group work when staffing allows.", (DISCRETION, "when staffing allows")),
    phrases("Small group work if time permits.", (DISCRETION, "if time permits")),
    # Already vague terms, with the same explanation: reported once, as before.
    phrases("Sessions where appropriate.", (VAGUE, "where appropriate")),
    phrases("Sessions if required.", (VAGUE, "if required")),
    phrases("Sessions as and when.", (VAGUE, "as and when")),
    phrases("Sessions at the discretion of the head teacher.", (VAGUE, "at the discretion of")),
    # Money instead of provision (9.69).
    phrases("Band 3 funding will be provided.", (FUNDING, "Band 3 funding")),
    phrases(
        "Top-up funding of \u00a36,000.", (FUNDING, "Top-up funding"), (FUNDING, "\u00a36,000")
    ),
    phrases("Element 3 funding for 1:1 support.", (FUNDING, "Element 3 funding")),
    phrases("15 hours of funding.", (FUNDING, "hours of funding")),
    phrases("The school will receive resource band C.", (FUNDING, "resource band C")),
    phrases("\u00a36k towards support.", (FUNDING, "\u00a36k")),
    phrases("\u00a312,500.00 a year.", (FUNDING, "\u00a312,500.00")),
    phrases("Funded from the notional SEN budget.", (FUNDING, "notional SEN budget")),
    phrases("High needs funding.", (FUNDING, "High needs funding")),
    # The council may change it on its own (s.42(2), s.44, s.51).
    phrases(
        "This provision is subject to review by the local authority.",
        (COUNCIL, "subject to review by the local authority"),
    ),
    phrases("Support may be reduced as Sam makes progress.", (COUNCIL, "may be reduced")),
    phrases("The LA may vary the hours.", (COUNCIL, "The LA may vary")),
    phrases("Transport until further notice.", (COUNCIL, "until further notice")),
    phrases("Support subject to panel.", (COUNCIL, "subject to panel")),
    phrases("Hours will be tapered.", (COUNCIL, "will be tapered")),
    phrases("Sessions might be withdrawn.", (COUNCIL, "might be withdrawn")),
    # Care, not the council changing the plan.
    phrases("His pad will be changed by a trained adult."),
    phrases("Splints can be removed at break."),
    # The longer phrase wins: not also VAGUE_TERM's "at the discretion of".
    phrases(
        "Extra sessions at the discretion of the local authority.",
        (COUNCIL, "at the discretion of the local authority"),
    ),
    phrases(
        "Extra sessions at the council's discretion.", (COUNCIL, "at the council's discretion")
    ),
    # "Interventions" without saying which (Worcestershire CC v SE, para 74).
    phrases("Sam will receive literacy interventions.", (UNNAMED, "literacy interventions")),
    phrases("Appropriate interventions will be used.", (UNNAMED, "Appropriate interventions")),
    phrases("Evidence-based interventions daily.", (UNNAMED, "Evidence-based interventions")),
    phrases("Interventions daily.", (UNNAMED, "Interventions")),
    phrases("Calming strategies when anxious.", (UNNAMED, "Calming strategies")),
    phrases(
        "A reading programme and a handwriting programme.",
        (UNNAMED, "reading programme"),
        (UNNAMED, "handwriting programme"),
    ),
    phrases("Various strategies.", (VAGUE, "Various"), (UNNAMED, "strategies")),
    # ... and with a named one, nothing.
    phrases(
        "Evidence-based interventions such as Precision Teaching.",
    ),
    phrases("Literacy interventions, e.g. Toe by Toe, daily."),
    phrases("A phonics programme (Read Write Inc.) daily."),
    phrases("Zones of Regulation strategies."),
    phrases("A programme of precision teaching."),
    phrases("A physiotherapy programme."),
    # Whole words only.
    phrases("A brass band and the element of surprise; bandwidth; top hat."),
    phrases("Lala and Lars may visit."),
]


@pytest.mark.parametrize(("sentence", "found"), PHRASE_TABLE)
def test_phrase_flags(sentence, found):
    flags = check_provision(sentence)
    assert [(flag.code, flag.phrase) for flag in flags if flag.code in PHRASE_CODES] == found


@pytest.mark.parametrize("code", [DISCRETION, FUNDING, COUNCIL, UNNAMED])
def test_the_new_phrase_flags_are_defects_with_their_source(code):
    rule = FLAG_RULES[code]
    assert rule.severity is Severity.DEFECT
    assert rule.source


@pytest.mark.parametrize(
    ("code", "cited"),
    [
        (DISCRETION, "s.42(2)"),
        (FUNDING, "9.69"),
        (COUNCIL, "s.44"),
        (UNNAMED, "Worcestershire CC v SE [2020] UKUT 217 (AAC)"),
    ],
)
def test_each_new_flag_names_its_source(code, cited):
    assert cited in FLAG_RULES[code].source


def test_every_phrase_table_entry_explains_and_asks():
    for term in PROVISION_PHRASES:
        assert term.explanation and term.question and term.code in PHRASE_CODES


def test_funding_alone_still_asks_who_how_often_and_how_long():
    codes = [flag.code for flag in check_provision("Band 3 funding.")]
    assert codes == [FUNDING, WHO, OFTEN, LONG, REVIEW]


@given(st.one_of(st.text(), st.lists(_NEW_PHRASES).map(" ".join)))
def test_no_flag_is_reported_twice(sentence):
    flags = check_provision(sentence)
    keys = [(flag.code, flag.phrase.casefold()) for flag in flags]
    assert len(keys) == len(set(keys))
    phrases_found = [flag.phrase.casefold() for flag in flags if flag.code in PHRASE_CODES]
    assert len(phrases_found) == len(set(phrases_found))


# -- hints that fit the provision -------------------------------------------------------------

COMM = ProvisionArea.COMMUNICATION
READING = ProvisionArea.LITERACY
PHYSICAL = ProvisionArea.SENSORY_PHYSICAL
EMOTIONAL = ProvisionArea.EMOTIONAL_SOCIAL
GENERAL = ProvisionArea.GENERAL

AREA_TABLE = [
    ("Speech and language therapy daily.", COMM),
    ("A TA will run a social communication group.", COMM),
    ("Makaton signing throughout the day.", COMM),
    ("SaLT-devised vocabulary work.", COMM),
    ("Daily phonics sessions for 20 minutes.", READING),
    ("A TA will support reading daily.", READING),
    ("Reading with a TA to reduce anxiety.", READING),
    ("Spelling practice.", READING),
    ("Handwriting practice daily.", PHYSICAL),
    ("Fine motor activities.", PHYSICAL),
    ("Sensory circuits every morning.", PHYSICAL),
    ("An OT programme.", PHYSICAL),
    ("Sessions to manage anxiety.", EMOTIONAL),
    ("Anxiety about reading.", EMOTIONAL),
    ("A social skills group weekly.", EMOTIONAL),
    ("ELSA sessions weekly.", EMOTIONAL),
    ("Support with emotional regulation.", EMOTIONAL),
    ("Help.", GENERAL),
    ("1:1 maths support.", GENERAL),
    ("Use salt dough, an ot of fun.", GENERAL),  # acronyms count only in capitals
    ("", GENERAL),
]


@pytest.mark.parametrize(("sentence", "area"), AREA_TABLE)
def test_provision_area(sentence, area):
    assert provision_area(sentence) is area


HINT_TABLE = [
    # (statement, the example the NO_PROVIDER question gives)
    ("Speech and language therapy daily.", "a speech and language therapist"),
    ("Daily phonics sessions for 20 minutes.", "a specialist teacher with a qualification in"),
    ("Handwriting practice daily.", "an occupational therapist"),
    ("Sessions to manage anxiety.", "ELSA"),
    ("Help.", "a specialist teacher or a trained teaching assistant"),
]


@pytest.mark.parametrize(("sentence", "example"), HINT_TABLE)
def test_the_who_question_fits_the_provision(sentence, example):
    [flag] = [flag for flag in check_provision(sentence) if flag.code is WHO]
    assert flag.question.startswith("Who should give this help? For example, ")
    assert example in flag.question


@pytest.mark.parametrize(
    ("sentence", "example"),
    [
        ("A TA will deliver language groups.", "trained in ELKLAN by a speech and language"),
        ("A TA will support reading daily.", "dyslexia"),
        ("A TA will carry out fine motor exercises.", "trained by an occupational therapist"),
        ("A TA will check in about worries.", "ELSA"),
        ("A TA will help.", "trained in the programme they will deliver"),
    ],
)
def test_the_training_question_fits_the_provision(sentence, example):
    [flag] = [flag for flag in check_provision(sentence) if flag.code is QUAL]
    assert flag.question.startswith("What training or experience should this person have?")
    assert example in flag.question
    assert "ELKLAN" not in flag.question or provision_area(sentence) is COMM


def test_every_area_has_examples():
    assert set(AREA_EXAMPLES) == set(ProvisionArea)


_AREA_PIECES = st.sampled_from(
    [
        "A TA",
        "1:1",
        "help",
        "reading",
        "anxiety",
        "speech",
        "handwriting",
        "social",
        "OT",
        "social communication",
        "ELSA",
        "trained",
        "daily",
        "30 minutes",
        "the SENCO",
        ".",
    ]
)


@given(st.one_of(st.text(), st.lists(_AREA_PIECES).map(" ".join)))
def test_who_and_training_questions_always_carry_an_example_for_the_statements_area(sentence):
    examples = AREA_EXAMPLES[provision_area(sentence)]
    for flag in check_provision(sentence):
        if flag.code is WHO:
            assert flag.question.endswith(f"For example, {examples.provider}.")
        if flag.code is QUAL:
            assert flag.question.endswith(f"For example, {examples.training}.")


# -- section B: needs -------------------------------------------------------------------------

NEED = FlagCode.VAGUE_NEED

NEEDS_TABLE = [
    ("Sam has some difficulties with reading.", ["some difficulties"]),
    ("Sam has some needs in communication.", ["some needs"]),
    ("Mild difficulties.", ["Mild difficulties"]),
    ("He has low-level anxiety issues.", []),  # names the need: anxiety
    ("He has low-level issues.", ["low-level issues"]),
    ("A degree of difficulty with attention.", ["A degree of difficulty"]),
    ("He finds it difficult at times to sit still.", ["finds it difficult at times"]),
    ("She finds transitions hard sometimes.", ["finds transitions hard sometimes"]),
    ("She can sometimes become upset.", ["can sometimes"]),
    ("At times he leaves the classroom.", ["At times"]),
    ("Occasionally he hits out.", ["Occasionally"]),
    ("From time to time he refuses work.", ["From time to time"]),
    ("He may struggle with transitions.", ["may struggle"]),
    ("She might find it hard to make friends.", ["might find it hard"]),
    ("He could have difficulties with spelling.", ["could have difficulties"]),
    (
        "Sam has some difficulties and may struggle at times.",
        ["some difficulties", "may struggle", "at times"],
    ),
    # Specific needs: nothing to flag, and no section F checks.
    ("Sam cannot follow an instruction of more than two steps without a picture.", []),
    ("He leaves the classroom 3 or 4 times a day when the noise rises.", []),
    ("He will need support from a TA daily.", []),
    ("Sam will have access to speech and language therapy.", []),  # F's words, not B's
    ("Communication and interaction", []),
    ("", []),
]


@pytest.mark.parametrize(("sentence", "found"), NEEDS_TABLE)
def test_check_need(sentence, found):
    flags = check_need(sentence)
    assert [flag.phrase for flag in flags] == found
    assert all(flag.code is NEED and flag.severity is Severity.DEFECT for flag in flags)


def test_check_needs_text_reads_a_pasted_section_b():
    reports = check_needs_text(
        "Communication and interaction\n"
        "\u2022 Sam has some difficulties with understanding.\n"
        "\u2022 He can follow one-step instructions only. At times he becomes anxious."
    )
    assert [(r.sentence, [f.phrase for f in r.flags]) for r in reports] == [
        ("Communication and interaction", []),
        ("Sam has some difficulties with understanding.", ["some difficulties"]),
        ("He can follow one-step instructions only.", []),
        ("At times he becomes anxious.", ["At times"]),
    ]


def test_a_vague_need_explains_why_and_asks_what_how_often_and_with_what_effect():
    [flag] = check_need("He finds it difficult at times.")
    assert '"finds it difficult at times"' in flag.explanation
    assert "How often" in flag.question and "effect" in flag.question
    assert "s.37(2)(a)" in flag.source and "9.69" in flag.source
    [flag] = check_need("Some difficulties.")
    assert "section F" in flag.explanation
    assert flag.question.startswith("What exactly does your child find hard")


def test_every_need_term_explains_and_asks():
    assert all(t.explanation and t.question and t.code is NEED for t in NEED_TERMS)


_NEED_PIECES = st.sampled_from(
    [
        "some",
        "difficulties",
        "needs",
        "mild",
        "at",
        "times",
        "can",
        "sometimes",
        "may",
        "struggle",
        "finds it difficult",
        "occasionally",
        "Sam",
        "access to",
        "daily",
        "a TA",
        ".",
        "\n\u2022",
    ]
)


@given(st.one_of(st.text(), st.lists(_NEED_PIECES).map(" ".join)))
def test_check_needs_text_never_raises_and_never_runs_the_provision_checks(text):
    reports = check_needs_text(text)
    assert [report.sentence for report in reports] == split_sentences(text)
    for report in reports:
        for flag in report.flags:
            assert flag.code is NEED
            assert flag.phrase and flag.phrase in report.sentence
        phrases_found = [flag.phrase.casefold() for flag in report.flags]
        assert len(phrases_found) == len(set(phrases_found))


# -- defects and suggestions ------------------------------------------------------------------


class SeverityTests:
    def test_every_flag_code_has_a_severity_and_a_source(self):
        assert set(FLAG_RULES) == set(FlagCode)
        assert all(
            rule.source and isinstance(rule.severity, Severity) for rule in FLAG_RULES.values()
        )

    def test_no_review_is_a_suggestion_because_9_69_does_not_require_it(self):
        [flag] = check_provision("A SaLT will deliver therapy for 30 minutes weekly.")
        assert flag.code is REVIEW
        assert flag.severity is Severity.SUGGESTION
        assert flag.is_suggestion
        assert "not required" in flag.source

    @pytest.mark.parametrize("code", [VAGUE, WHO, QUAL, OFTEN, LONG])
    def test_the_9_69_flags_are_defects_citing_9_69(self, code):
        assert FLAG_RULES[code].severity is Severity.DEFECT
        assert "9.69" in FLAG_RULES[code].source

    def test_a_report_splits_defects_from_suggestions_in_order(self):
        [report] = check_text("Regular access to adult support.")
        assert [flag.code for flag in report.defects] == [VAGUE, VAGUE, VAGUE, QUAL, OFTEN, LONG]
        assert [flag.code for flag in report.suggestions] == [REVIEW]

    def test_a_statement_missing_only_its_review_has_no_defects(self):
        [report] = check_text("A SaLT will deliver therapy for 30 minutes weekly.")
        assert report.flags and not report.defects


@given(st.text())
def test_suggestions_are_never_counted_as_defects(text):
    for report in check_text(text):
        assert not any(flag.is_suggestion for flag in report.defects)
        assert all(flag.is_suggestion for flag in report.suggestions)
        assert sorted(report.defects + report.suggestions, key=report.flags.index) == list(
            report.flags
        )


# -- split_sentences ---------------------------------------------------------------------------

SPLIT_TABLE = [
    ("", []),
    ("A TA will help. A SaLT will visit.", ["A TA will help.", "A SaLT will visit."]),
    (
        "\u2022 A TA will deliver phonics daily.\n\u2022 SaLT input termly",
        ["A TA will deliver phonics daily.", "SaLT input termly"],
    ),
    ("- first item\n* second item\n\u2013 third item", ["first item", "second item", "third item"]),
    ("1. One.\n2) Two.\n(3) Three.\n1.2. Four.", ["One.", "Two.", "Three.", "Four."]),
    ("a) One\nb. Two\n(iv) Three\nII. Four", ["One", "Two", "Three", "Four"]),
    ("\u2022First\n\uf0b7\tSecond", ["First", "Second"]),
    ("Intro: \u2022 one \u2022 two", ["Intro:", "one", "two"]),
    ("One.\n\n\n   \nTwo.", ["One.", "Two."]),
    ("\u2014\n\u2022\n   \n", []),
    (
        "A teaching assistant will deliver\na phonics programme daily.",
        ["A teaching assistant will deliver a phonics programme daily."],
    ),
    (
        "Communication and interaction\nSam will use Makaton.",
        ["Communication and interaction", "Sam will use Makaton."],
    ),
    ("Sensory breaks:\nmovement, daily.", ["Sensory breaks:", "movement, daily."]),
    (
        "Movement breaks, e.g. trampoline. Visuals, i.e. a timetable. Approx. 30 minutes.",
        ["Movement breaks, e.g. trampoline.", "Visuals, i.e. a timetable.", "Approx. 30 minutes."],
    ),
    (
        "Therapy with Dr. Patel and Mrs. Shah weekly.",
        ["Therapy with Dr. Patel and Mrs. Shah weekly."],
    ),
    ("Provision (e.g. Lego therapy) weekly.", ["Provision (e.g. Lego therapy) weekly."]),
    (
        "3 x 20 mins. per week, 2 hrs. 4 times a term.",
        ["3 x 20 mins. per week, 2 hrs. 4 times a term."],
    ),
    (
        "Daily for 20 mins. Progress reviewed termly.",
        ["Daily for 20 mins.", "Progress reviewed termly."],
    ),
    ("Books, pens etc. Reviewed termly.", ["Books, pens etc.", "Reviewed termly."]),
    ("Set by J. Smith. Reviewed termly.", ["Set by J. Smith.", "Reviewed termly."]),
    ("He is in Year 5. He likes trains.", ["He is in Year 5.", "He likes trains."]),
    ("32.5 hours. 1:1 support.", ["32.5 hours.", "1:1 support."]),
    ("He works hard! Does he need help? Yes.", ["He works hard!", "Does he need help?", "Yes."]),
    ('He said "stop." Then left.', ['He said "stop."', "Then left."]),
    ("Daily. \u2026 and then", ["Daily.", "\u2026 and then"]),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_TABLE)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


def _squash(text: str) -> str:
    return " ".join(text.split())


@given(st.text())
def test_split_sentences_gives_non_empty_stripped_pieces_taken_from_the_text(text):
    pieces = split_sentences(text)
    for piece in pieces:
        assert piece
        assert piece == piece.strip()
        assert _squash(piece) in _squash(text)


@given(st.text())
def test_split_sentences_keeps_every_run_of_letters_longer_than_a_list_marker(text):
    # A list marker ("1.", "a)", "iv.") is at most 5 letters or 3 digits, so a run of 6 or
    # more letters and digits is never dropped, nor split.
    joined = " ".join(split_sentences(text))
    for run in re.findall(r"[^\W_]{6,}", text):
        assert run in joined


_WORDS = st.text(alphabet="abcdefghjklmnopqrstuwyzABCDEFGHJKLMNOPQRSTUWYZ", min_size=2)
_SEPARATORS = st.sampled_from(
    [" ", "\n", ". ", ".\n\n", ", ", "\n\u2022 ", "\n- ", "  ", "\t", "! ", "? ", " e.g. "]
)


@given(st.lists(st.tuples(_WORDS, _SEPARATORS)))
def test_split_sentences_loses_no_word_characters_from_prose(pairs):
    text = "".join(word + separator for word, separator in pairs)
    assert re.sub(r"\W", "", "".join(split_sentences(text))) == re.sub(r"\W", "", text)


# -- check_text -------------------------------------------------------------------------------


class CheckTextTests:
    def test_a_pasted_section(self):
        reports = check_text(
            "Communication and interaction\n"
            "\u2022 Sam will have regular access to speech and language therapy.\n"
            "\u2022 A speech and language therapist will deliver 1:1 therapy for 30 minutes, "
            "3 times a week. Progress will be reviewed every 6 weeks against SMART targets."
        )
        assert [report.sentence for report in reports] == [
            "Communication and interaction",
            "Sam will have regular access to speech and language therapy.",
            "A speech and language therapist will deliver 1:1 therapy for 30 minutes, "
            "3 times a week.",
            "Progress will be reviewed every 6 weeks against SMART targets.",
        ]
        assert [{flag.code for flag in report.flags} for report in reports] == [
            set(),
            {VAGUE, WHO, OFTEN, LONG, REVIEW},
            set(),
            set(),
        ]
        assert all(isinstance(report, SentenceReport) for report in reports)

    def test_a_review_statement_covers_only_the_statement_just_before_it(self):
        reports = check_text("A SaLT for 30 minutes daily. A TA for 1 hour daily. Reviewed termly.")
        assert [{flag.code for flag in report.flags} for report in reports] == [
            {REVIEW},
            {QUAL},
            set(),
        ]

    def test_nothing_to_check(self):
        assert check_text("") == ()


# -- specific_wording ---------------------------------------------------------------------------

WORDING_TABLE = [
    (
        dict(
            who="a speech and language therapist",
            what="1:1 language therapy",
            how_often="3 times a week",
            how_long="30 minutes",
            reviewed="every 6 weeks against SMART targets",
        ),
        "A speech and language therapist will deliver 1:1 language therapy, 3 times a week, for "
        "30 minutes each session. Progress will be reviewed every 6 weeks against SMART targets.",
    ),
    (
        dict(
            who="a teaching assistant",
            qualification="trained in ELKLAN by the SaLT.",
            what="run a language group.",
            how_often="twice a week.",
            how_long="45 minutes.",
            reviewed="Reviewed termly.",
        ),
        "A teaching assistant, trained in ELKLAN by the SaLT, will run a language group, twice a "
        "week, for 45 minutes each session. Progress will be reviewed termly.",
    ),
    (
        dict(who="", what="precision teaching", how_often="daily", how_long="10 mins", reviewed=""),
        "Someone will deliver precision teaching, daily, for 10 mins each session.",
    ),
    (
        dict(
            who="",
            qualification="with Team Teach training",
            what="",
            how_often="",
            how_long="the whole school day",
            reviewed="progress measured by the SENCO each half term",
        ),
        "Someone with Team Teach training will deliver this provision, for the whole school day. "
        "Progress will be measured by the SENCO each half term.",
    ),
    (
        dict(
            who="  the   SENCO ",
            what=" ",
            how_often=" , ",
            how_long="for 1 hour a week",
            reviewed="to be reviewed",
        ),
        "The SENCO will deliver this provision, for 1 hour a week. Progress will be reviewed.",
    ),
    (
        dict(
            who="an OT",
            what="sensory circuits",
            how_often="every morning",
            how_long="full-time",
            reviewed="will be reviewed , termly",
        ),
        "An OT will deliver sensory circuits, every morning, full-time. Progress will be "
        "reviewed termly.",
    ),
    (
        dict(
            who="a physiotherapist",
            what="",
            how_often="weekly",
            how_long="",
            reviewed="at the annual review .",
        ),
        "A physiotherapist will deliver this provision, weekly. Progress will be reviewed at the "
        "annual review.",
    ),
    (
        dict(who="", what="", how_often="", how_long="", reviewed="termly..."),
        "Progress will be reviewed termly.",
    ),
    (dict(who="", what="", how_often="", how_long="", reviewed=""), ""),
    (dict(who=" . ", what=" ,, ", how_often="...", how_long="  ", reviewed=" ; "), ""),
    (
        dict(
            who="Mr Jones (HLTA)",
            what="teach phonics . . using RWI",
            how_often="daily",
            how_long="20 minutes",
            reviewed="",
        ),
        "Mr Jones (HLTA) will teach phonics. using RWI, daily, for 20 minutes each session.",
    ),
]


@pytest.mark.parametrize(("answers", "expected"), WORDING_TABLE)
def test_specific_wording(answers, expected):
    assert specific_wording(**answers) == expected


# The parent's answer to "How will progress be reviewed?", in every shape seen, and the
# sentence it becomes (issue 10, finding 12: "Progress will be reviewed targets reviewed ...").
REVIEW_TABLE = [
    ("every half term", "Progress will be reviewed every half term."),
    ("termly", "Progress will be reviewed termly."),
    ("targets reviewed every half term", "Targets will be reviewed every half term."),
    ("reviewed at each review meeting", "Progress will be reviewed at each review meeting."),
    ("by the SLT every 6 weeks", "Progress will be reviewed by the SLT every 6 weeks."),
    ("Progress is checked termly against targets", "Progress is checked termly against targets."),
    (
        "half-termly against SMART targets",
        "Progress will be reviewed half-termly against SMART targets.",
    ),
    ("Targets are reviewed every half term.", "Targets are reviewed every half term."),
    ("The SENCO will review progress termly", "The SENCO will review progress termly."),
    ("targets to be reviewed every half term", "Targets will be reviewed every half term."),
    (
        "SMART targets, reviewed termly by the SENCO",
        "SMART targets will be reviewed termly by the SENCO.",
    ),
    (
        "checked weekly by the class teacher",
        "Progress will be checked weekly by the class teacher.",
    ),
    ("3 times a year", "Progress will be reviewed 3 times a year."),
    ("progress against targets termly", "Progress will be reviewed against targets termly."),
    ("progress", "Progress will be reviewed."),
    ("SMART targets", "Progress will be reviewed against SMART targets."),
    ("termly meetings with parents", "Progress will be reviewed at termly meetings with parents."),
    ("the annual review", "Progress will be reviewed at the annual review."),
    ("the class teacher each term", "Progress will be reviewed by the class teacher each term."),
    ("standardised reading tests", "Progress will be reviewed through standardised reading tests."),
]


@pytest.mark.parametrize(("reviewed", "expected"), REVIEW_TABLE)
def test_the_review_sentence_reads_whatever_shape_the_answer_takes(reviewed, expected):
    assert specific_wording(who="", what="", how_often="", how_long="", reviewed=reviewed) == (
        expected
    )


_REVIEW_SUBJECTS = st.sampled_from(["", "targets", "SMART targets", "progress", "her progress"])
_REVIEW_VERBS = st.sampled_from(
    ["", "reviewed", "checked", "will be reviewed", "to be reviewed", "is checked", "are reviewed"]
)
_REVIEW_TAILS = st.sampled_from(
    [
        "",
        "termly",
        "every half term",
        "by the SLT every 6 weeks",
        "against SMART targets",
        "at each review meeting",
        "half-termly against targets",
        "weekly",
    ]
)


@given(_REVIEW_SUBJECTS, _REVIEW_VERBS, _REVIEW_TAILS)
def test_the_review_sentence_never_doubles_its_verb_and_keeps_the_parents_words(
    subject, verb, tail
):
    answer = " ".join(part for part in (subject, verb, tail) if part)
    wording = specific_wording(who="", what="", how_often="", how_long="", reviewed=answer)
    if not answer:
        assert wording == ""
        return
    assert len(re.findall(r"\b(?:reviewed|checked)\b", wording)) == 1
    assert wording.endswith(".") and wording[0].isupper()
    assert tail in wording
    assert subject.casefold() in wording.casefold()


def test_the_wording_written_from_specific_answers_passes_the_checker():
    wording = specific_wording(**WORDING_TABLE[0][0])
    assert all(report.flags == () for report in check_text(wording))


_PART = st.text().filter(lambda text: "none" not in text.casefold())


@given(_PART, _PART, _PART, _PART, _PART, _PART)
def test_specific_wording_never_leaves_stray_words_spaces_or_stops(
    who, what, how_often, how_long, reviewed, qualification
):
    wording = specific_wording(
        who=who,
        what=what,
        how_often=how_often,
        how_long=how_long,
        reviewed=reviewed,
        qualification=qualification,
    )
    for bad in ("None", "  ", " .", ".."):
        assert bad not in wording
    assert wording == wording.strip()
    assert wording[:1] == wording[:1].upper()


# -- check_provision never fails, and reports only what is there ---------------------------------

_PROVISION_WORDS = st.sampled_from(
    [
        "a",
        "the",
        "will",
        "deliver",
        "access",
        "to",
        "regular",
        "regularly",
        "as",
        "needed",
        "support",
        "from",
        "an",
        "adult",
        "up",
        "some",
        "ongoing",
        "TA",
        "teaching",
        "assistant",
        "SaLT",
        "OT",
        "1:1",
        "one-to-one",
        "trained",
        "in",
        "30",
        "minutes",
        "3",
        "times",
        "week",
        "daily",
        "reviewed",
        "termly",
        "every",
        "6",
        "weeks",
        "monitored",
        "should",
        "consider",
        "input",
        "advice",
        "of",
        ".",
        ",",
        "\n",
        "e.g.",
        "Dr.",
        "hrs.",
        "mins.",
        "\u2022",
        "1.",
        "a)",
        "full-time",
    ]
)


@given(
    st.one_of(
        st.text(),
        st.lists(_PROVISION_WORDS).map(" ".join),
        st.lists(st.one_of(_PROVISION_WORDS, _NEW_PHRASES)).map(" ".join),
    )
)
def test_check_provision_never_fails_and_quotes_only_words_in_the_sentence(sentence):
    for flag in check_provision(sentence):
        assert isinstance(flag.code, FlagCode)
        assert flag.explanation
        assert flag.question
        assert flag.phrase in sentence
        assert flag.phrase.casefold() in sentence.casefold()
        assert bool(flag.phrase) is (flag.code in PHRASE_CODES | {QUAL})


@given(st.text())
def test_check_text_checks_every_statement(text):
    reports = check_text(text)
    assert [report.sentence for report in reports] == split_sentences(text)


@pytest.mark.parametrize(
    ("sentence", "about"),
    [
        ("Sam will have 1 hour a week of speech and language therapy.", True),
        ("Communication and interaction", False),
        ("Progress will be reviewed termly.", False),
        ("Access to a quiet space.", True),
    ],
)
def test_is_about_provision_names_the_statements_the_tracker_offers(sentence, about):
    from journeys.rules.wording import is_about_provision

    assert is_about_provision(sentence) is about
