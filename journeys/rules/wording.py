"""The wording checker: is a line of section F provision specific enough to be enforced?

Pure Python, no Django (tests/journeys/rules/test_purity.py enforces it). `check_text` reads
section F (special educational provision), and also section I (placement) text;
`check_needs_text` reads section B (needs), where only needs described vaguely ("some
difficulties", "at times", "may struggle") are flagged (VAGUE_NEED), never the section F
"who, how often, for how long" checks.

The legal standard. SEND Code of Practice: 0 to 25 years (2015), para 9.69, on section F:
"Provision must be detailed and specific and should normally be quantified, for example, in
terms of the type, hours and frequency of support and level of expertise, including where this
support is secured through a Personal Budget" (wording checked on three copies: SEND Advocacy,
Sensational Families and the Noddy Guide on supportsendkids.org). The case law behind it, as
the Noddy Guide (David Wolfe QC and Leon Glenister) quotes it: "The real question ... is
whether [the statement] is so specific and so clear as to leave no room for doubt as to what
has been decided and what is needed in the individual case": L v Clarke and Somerset [1998]
ELR 129, para 27. Worcestershire CC v SE [2020] UKUT 217 (AAC), para 74, as the same guide
summarises it, adds that vague words like "support", "input", "interventions" and
"opportunities" are unlikely to be sufficient.

So each statement is checked for the things 9.69 names: who delivers it (NO_PROVIDER) and
their level of expertise (NO_QUALIFICATION), how often (NO_FREQUENCY), for how long
(NO_DURATION), and words that leave room for doubt (VAGUE_TERM). Four more phrase flags rest on
the council's duty to secure the provision specified in the plan (Children and Families Act
2014 s.42(2)): provision left to someone's discretion (LEFT_TO_DISCRETION), money or a funding
band instead of provision (FUNDING_NOT_PROVISION), provision the council may change on its own
(COUNCIL_MAY_CHANGE), and "interventions" or "strategies" without saying which
(UNNAMED_APPROACH). 9.69 does not ask for a
review statement, so how progress is reviewed (NO_REVIEW) is a suggestion, not a defect: every
flag has a `severity` (Severity.DEFECT or Severity.SUGGESTION) and a `source`, both read from
FLAG_RULES, and a SentenceReport splits its flags into `defects` and `suggestions`.

The checks are driven by the data tables at the top of this module. Matching ignores case
and uses word boundaries, and every phrase reported is the text as it appears in the statement.
This is a reading aid for parents, not a legal test. It looks for words, so it can miss a
problem or flag one that is not there.

When a statement gets the "something is missing" flags (NO_PROVIDER to NO_REVIEW): only
when it is about provision. That means it names a provider, a provision activity, a frequency
or an amount of time, or uses one of the flagged phrases. Sentences that only describe a need
(section B) or are headings get no "missing" flags. A statement whose only subject is review
("Progress will be reviewed termly.") also gets none. NO_REVIEW follows the same rule, as
DOMAIN.md section 1.2 asks: it is only raised on a statement that is about provision.
`check_text` also lets a review statement count for the statement just before it, which is
how `specific_wording` writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

SOURCE = "SEND Code of Practice 2015, para 9.69"
# The council must secure the special educational provision specified in the plan, so what is
# left to someone's discretion, or open to change without a review, is not specified.
SECTION_42 = "Children and Families Act 2014 s.42(2)"
CODE_OF_PRACTICE_9_69 = (
    "Provision must be detailed and specific and should normally be quantified, for example, "
    "in terms of the type, hours and frequency of support and level of expertise, including "
    "where this support is secured through a Personal Budget"
)


class FlagCode(StrEnum):
    """What a statement is missing or gets wrong, measured against Code of Practice 9.69."""

    VAGUE_TERM = "vague_term"
    NO_PROVIDER = "no_provider"
    NO_QUALIFICATION = "no_qualification"
    NO_FREQUENCY = "no_frequency"
    NO_DURATION = "no_duration"
    NO_REVIEW = "no_review"
    LEFT_TO_DISCRETION = "left_to_discretion"
    FUNDING_NOT_PROVISION = "funding_not_provision"
    COUNCIL_MAY_CHANGE = "council_may_change"
    UNNAMED_APPROACH = "unnamed_approach"
    VAGUE_NEED = "vague_need"  # section B: a need described too vaguely to plan for


class Severity(StrEnum):
    """DEFECT: short of the Act or Code 9.69. SUGGESTION: good practice the law does not require."""

    DEFECT = "defect"
    SUGGESTION = "suggestion"


@dataclass(frozen=True)
class FlagRule:
    severity: Severity
    source: str  # the law, guidance or case the flag rests on, as shown to a parent


# Each flag code's standing and its source: the checker's one table of why.
FLAG_RULES: dict[FlagCode, FlagRule] = {
    FlagCode.VAGUE_TERM: FlagRule(
        Severity.DEFECT, f"{SOURCE}; L v Clarke and Somerset [1998] ELR 129, para 27"
    ),
    FlagCode.NO_PROVIDER: FlagRule(Severity.DEFECT, f"{SOURCE} (the type of support)"),
    FlagCode.NO_QUALIFICATION: FlagRule(Severity.DEFECT, f"{SOURCE} (level of expertise)"),
    FlagCode.NO_FREQUENCY: FlagRule(Severity.DEFECT, f"{SOURCE} (frequency of support)"),
    FlagCode.NO_DURATION: FlagRule(Severity.DEFECT, f"{SOURCE} (hours)"),
    # 9.69 asks for type, hours, frequency and expertise, not for a review statement; saying
    # how progress is checked is good practice (DOMAIN.md section 1.2), so only a suggestion.
    FlagCode.NO_REVIEW: FlagRule(
        Severity.SUGGESTION, "Good practice (not required by SEND Code of Practice 2015, 9.69)"
    ),
    FlagCode.LEFT_TO_DISCRETION: FlagRule(
        Severity.DEFECT, f"{SECTION_42}; L v Clarke and Somerset [1998] ELR 129, para 27"
    ),
    FlagCode.FUNDING_NOT_PROVISION: FlagRule(
        Severity.DEFECT, f"{SOURCE} (type, hours, frequency, expertise: not money); {SECTION_42}"
    ),
    FlagCode.COUNCIL_MAY_CHANGE: FlagRule(
        Severity.DEFECT,
        f"{SECTION_42}; a plan changes only after a review or re-assessment (s.44), "
        "with a right of appeal (s.51)",
    ),
    # The plan must specify the child's special educational needs (s.37(2)(a); reg 12(1)(b), as
    # a SEND solicitor's guide cites them), and every need in B must be met by provision in F.
    FlagCode.VAGUE_NEED: FlagRule(
        Severity.DEFECT,
        "Children and Families Act 2014 s.37(2)(a); SEND Regulations 2014 reg 12(1)(b); "
        "SEND Code of Practice 2015, 9.69",
    ),
    FlagCode.UNNAMED_APPROACH: FlagRule(
        Severity.DEFECT,
        f"{SOURCE} (the type of support); Worcestershire CC v SE [2020] UKUT 217 (AAC), para 74",
    ),
}


class ProvisionArea(StrEnum):
    """The broad area of need a statement is about (SEND Code of Practice 2015, chapter 6)."""

    COMMUNICATION = "communication and interaction"
    LITERACY = "cognition and learning: reading and writing"
    SENSORY_PHYSICAL = "sensory and/or physical"
    EMOTIONAL_SOCIAL = "social, emotional and mental health"
    GENERAL = "general"


class ProviderKind(StrEnum):
    """How a named provider bears on 9.69's "level of expertise"."""

    PROFESSION = "profession"  # the title is itself a qualified or registered profession
    STAFF = "staff"  # a role whose training must be stated (teaching assistant, adult)
    FORMAT = "format"  # "1:1": someone is implied, but not who


@dataclass(frozen=True)
class Flag:
    code: FlagCode
    phrase: str  # the words that triggered it, as found; "" when something is absent
    explanation: str  # plain English, for a parent
    question: str  # what to ask the parent, so they can say what the evidence recommends

    @property
    def severity(self) -> Severity:
        """DEFECT or SUGGESTION, from FLAG_RULES."""
        return FLAG_RULES[self.code].severity

    @property
    def source(self) -> str:
        """The law, guidance or case this flag rests on, from FLAG_RULES."""
        return FLAG_RULES[self.code].source

    @property
    def is_suggestion(self) -> bool:
        """Whether to show it as "you may also want to ask ...", not as something wrong."""
        return self.severity is Severity.SUGGESTION


@dataclass(frozen=True)
class SentenceReport:
    sentence: str
    flags: tuple[Flag, ...]  # defects and suggestions, in the order check_provision gives them

    @property
    def defects(self) -> tuple[Flag, ...]:
        """The flags that say the wording falls short; suggestions are left out."""
        return tuple(flag for flag in self.flags if not flag.is_suggestion)

    @property
    def suggestions(self) -> tuple[Flag, ...]:
        """The flags that are only good practice ("you may also want to ask ...")."""
        return tuple(flag for flag in self.flags if flag.is_suggestion)


@dataclass(frozen=True)
class VagueTerm:
    pattern: str  # a regex; a literal space stands for any run of whitespace
    explanation: str  # may use {phrase}
    question: str
    code: FlagCode = FlagCode.VAGUE_TERM  # the flag it raises; FLAG_RULES gives its source


# -- the tables ------------------------------------------------------------------------------

VAGUE_TERMS: tuple[VagueTerm, ...] = (
    VagueTerm(
        r"access to",
        '"{phrase}" means something is available, not that your child will get it, '
        "or how much of it.",
        "What exactly should your child get, and how much of it? For example, 2 sessions a "
        "week with a speech and language therapist.",
    ),
    VagueTerm(
        r"regular(?:ly)?|frequent(?:ly)?|periodic(?:ally)?|occasional(?:ly)?|sometimes"
        r"|on-?going|from time to time",
        '"{phrase}" does not say how often. It could mean every day or once a term, so '
        "nobody can check your child is getting it.",
        "How often should this happen? For example, 3 times a week.",
    ),
    VagueTerm(
        r"as and when|(?:as|when|where|if) (?:needed|required|necessary|appropriate)"
        r"|as directed|at the discretion of|flexibl[ey]",
        '"{phrase}" leaves it to the school or council to decide whether the help happens at all.',
        "What should your child get as a minimum, and how often? For example, a 10-minute "
        "movement break every morning and every afternoon.",
    ),
    VagueTerm(
        r"opportunit(?:y|ies) (?:for|to)",
        '"{phrase}" offers a chance, not a promise that the help will be given.',
        "What exactly should be provided, by whom and how often?",
    ),
    VagueTerm(
        r"(?:may|would|could|might) benefit from",
        '"{phrase}" is a suggestion, not a requirement. Section F should say what your child '
        '"will" get.',
        "What should your child get? For example, 'Sam will receive ...'.",
    ),
    VagueTerm(
        r"support from an? adult|adult support",
        '"{phrase}" does not say which adult, what they will do, for how long, or what '
        "training they have.",
        "Which adult (for example a teaching assistant trained in autism) should help, doing "
        "what, and for how long?",
    ),
    VagueTerm(
        r"up to(?![\s-]+date)",
        '"{phrase}" only sets a maximum, so even no help at all would keep to it.',
        "What is the least your child needs? For example, 3 hours a week.",
    ),
    VagueTerm(
        r"some|several|a range of|a variety of|various",
        '"{phrase}" does not say exactly what or how much.',
        "Which ones exactly, and how much?",
    ),
    VagueTerm(
        r"encouraged to",
        '"{phrase}" puts the effort on your child. It does not say what anyone will do to help.',
        "What should staff do to help your child with this, and how often?",
    ),
    VagueTerm(
        r"consider(?:ed|ing|ation)?|should|(?:where|if|whenever|as far as|as much as) possible"
        r"|(?:it is )?recommended",
        '"{phrase}" is not a firm commitment. Section F should say what "will" be provided.',
        "What must happen? Say it as 'will', for example 'will receive 30 minutes daily'.",
    ),
    VagueTerm(
        r"input (?:from|of)|(?-i:SaLT|SALT|SLT|OT|EP)s? input|(?:therapy|specialist|professional"
        r"|outreach) input|advice (?:from|of)|advised by",
        '"{phrase}" describes advice or involvement, not help given to your child, and does '
        "not say how much.",
        "What should the professional do directly with your child, how often and for how long?",
    ),
    VagueTerm(
        r"monitor(?:ed|ing|s)?",
        '"{phrase}" means watching, not helping, and does not say how progress will be '
        "measured or when.",
        "What should be done, and how should progress be measured? For example, reviewed "
        "every 6 weeks against SMART targets.",
    ),
)

# Provision left to someone's discretion: not "specified", so the s.42(2) duty cannot bite.
# "as and when", "where appropriate", "if required", "as needed" and "at the discretion of" are
# already VAGUE_TERMS (whose explanation says the same), so they are not repeated here.
_SETTING = r"(?:school|setting|college|nursery|staff|senco|(?:head|class )?teacher|provider)"
DISCRETION_TERMS: tuple[VagueTerm, ...] = (
    VagueTerm(
        r"as (?:determined|decided|judged|deemed (?:necessary|appropriate)) by (?:the )?"
        + _SETTING
        + r"s?|at (?:the |their |its |staff )?(?:"
        + _SETTING
        + r"(?:'|\u2019)s )?discretion|as (?:the |they |it )?(?:"
        + _SETTING
        + r"s? )?(?:sees?|deems?|thinks?|feels?) (?:fit|appropriate|necessary|best)",
        '"{phrase}" leaves it to the school to decide what your child gets. The council must '
        "make sure the help in the plan is given, so the plan must say what it is.",
        "What should your child get as a minimum, whoever decides? For example, 30 minutes "
        "of 1:1 reading every day.",
        FlagCode.LEFT_TO_DISCRETION,
    ),
    VagueTerm(
        r"subject to (?:the )?(?:availability|staff(?:ing)? availability|resources|capacity)"
        r"|(?:when|where|if) (?:staff(?:ing)?|time|resources|capacity) (?:allows?|permits?"
        r"|(?:is |are )?available)",
        '"{phrase}" means the help can stop whenever staff or money run short. The council '
        "must make sure the help in the plan is given, whatever the school has available.",
        "What must your child get every week, whatever the staffing? For example, 3 sessions "
        "of 30 minutes.",
        FlagCode.LEFT_TO_DISCRETION,
    ),
)

# Money or a funding band in place of provision: 9.69 quantifies provision by type, hours,
# frequency and expertise, and a sum says none of these.
FUNDING_TERMS: tuple[VagueTerm, ...] = (
    VagueTerm(
        r"(?:funding |resource |top[\s-]?up )?band(?:ing)? (?:\d+|(?-i:[A-H]))(?: funding)?"
        r"|(?:funding|resource) band(?:ing|s)?|top[\s-]?up(?: funding)?|element (?:2|3|two|three)"
        r"(?: funding)?|high[\s-]needs (?:funding|block|top[\s-]?up)|hours of funding"
        r"|funded hours|notional (?:SEN )?budget"
        r"|\u00a3\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{2})?(?:\s?k)?|\d+ pounds",
        '"{phrase}" is money, not help. A funding band or a sum does not say what your child '
        "will get, from whom, or how often, and the money can be spent on something else.",
        "What help should the money buy? For example, a teaching assistant trained in autism "
        "for 15 hours a week.",
        FlagCode.FUNDING_NOT_PROVISION,
    ),
)

# Provision the council could change on its own. A plan changes only through a review or
# re-assessment (s.44), and the parent can appeal the change (s.51).
# "will be changed" and "can be removed" are left out: they describe care ("his pad will be
# changed", "splints can be removed at break"), not the council changing the plan.
_COUNCIL = r"(?:the )?(?:local authority|(?-i:LA)|council)"
COUNCIL_CHANGE_TERMS: tuple[VagueTerm, ...] = (
    VagueTerm(
        r"subject to (?:review|approval|agreement|confirmation|funding) (?:by|from) "
        + _COUNCIL
        + r"|subject to "
        + _COUNCIL
        + r"(?:(?:'|\u2019)s)? (?:review|approval|agreement|panel|funding)|subject to (?:panel"
        r"|funding)|at the discretion of "
        + _COUNCIL
        + r"|at "
        + _COUNCIL
        + r"(?:'|\u2019)s discretion|"
        + _COUNCIL
        + r" (?:may|can|could|will|reserves the right to) (?:vary|change|reduce|withdraw|amend"
        r"|alter|stop|cease)|(?:may|might|could) be (?:reduced|withdrawn|varied|changed|amended"
        r"|altered|stopped|removed|tapered|phased out)|(?:can|will) be (?:reduced|withdrawn"
        r"|tapered|phased out)|until further notice",
        '"{phrase}" lets the council change or stop the help without a review. A plan can only '
        "be changed after a review, and you can appeal the change.",
        "Take these words out: what should your child get until the plan is next reviewed?",
        FlagCode.COUNCIL_MAY_CHANGE,
    ),
)

# "Interventions" or "strategies" without saying which. Worcestershire CC v SE [2020] UKUT 217
# (AAC) para 74: "interventions" is unlikely to be sufficient. A "programme" is flagged only
# with a generic word before it ("a reading programme"), since "a programme of precision
# teaching" names it. A named approach, or "such as", "e.g.", anywhere in the statement,
# clears it: see NAMED_APPROACHES.
_GENERIC = (
    r"(?:appropriate|suitable|relevant|evidence[\s-]based|research[\s-]based|targeted|specific"
    r"|specialist|individuali[sz]ed|personali[sz]ed|tailored|bespoke|structured|intensive"
    r"|additional|further|recommended|small[\s-]group|literacy|numeracy|maths?|mathematics"
    r"|reading|spelling|writing|phonics|language|communication|speech|social(?:[\s-]skills?)?"
    r"|emotional|behaviour(?:al)?|sensory|(?:fine |gross )?motor|memory|attention|listening"
    r"|vocabulary|comprehension|learning|wellbeing|therapeutic|regulation|calming|coping"
    r"|visual|handwriting|numbers?|academic)"
)
UNNAMED_APPROACH_TERMS: tuple[VagueTerm, ...] = (
    VagueTerm(
        rf"(?:{_GENERIC}[\s-]+){{0,2}}(?:interventions?|strategies)"
        rf"|(?:{_GENERIC}[\s-]+){{1,2}}programmes?",
        '"{phrase}" does not say which programme or approach will be used, so nobody can check '
        "that the right help is given.",
        "Which programme or approach should be used? For example, the one a report names, "
        "such as Precision Teaching or Colourful Semantics.",
        FlagCode.UNNAMED_APPROACH,
    ),
)
# Programmes and approaches by name, and words that introduce one: any of them in the
# statement clears UNNAMED_APPROACH. Acronyms that are also words match in capitals only.
NAMED_APPROACHES: tuple[str, ...] = (
    r"such as|e\.?g\.?|for example|for instance|namely|called|known as|including",
    r"elklan|talk boost|colourful semantics|language for thinking|blank(?:'s)? levels"
    r"|word aware|lego(?:[\s-]based)? therapy|attention autism|intensive interaction"
    r"|(?-i:PECS)|makaton|social stories|comic strip conversations|zones of regulation"
    r"|(?-i:TEACCH|SCERTS)|nuffield dyspraxia|(?-i:NDP3)",
    r"read,? write,? inc\.?|(?-i:RWI)|sounds[\s-]write|letters and sounds|jolly phonics"
    r"|toe by toe|precision teaching|reading recovery|units of sound|lexia|nessy|alpha to omega"
    r"|numicon|catch up (?:literacy|numeracy)|rapid reading|fischer family trust|(?-i:FFT)"
    r"|five minute box|5[\s-]minute box|dyslexia gold|stareway to spelling|paired reading",
    r"write from the start|speed up|clever fingers|handwriting without tears"
    r"|sensory circuits|jump ahead|dough disco|theraplay|drawing and talking|(?-i:ELSA)"
    r"|cool kids|circle of friends|thrive|protective behaviours|lego",
)

# Section B: needs described so vaguely that nobody can say what provision they call for.
# Each need in B must be specified, so that section F can set out help for every one.
NEED_TERMS: tuple[VagueTerm, ...] = (
    VagueTerm(
        r"(?:some|mild|slight|minor|low[\s-]level) (?:difficult(?:y|ies)|needs?|problems?"
        r"|issues?|challenges?|delays?|concerns?|weakness(?:es)?)|(?:a )?(?:degree|level) of "
        r"(?:difficulty|need)",
        '"{phrase}" does not say what your child finds hard or how much. Section B must describe '
        "each need exactly, so that section F can set out help for every one.",
        "What exactly does your child find hard, and how much does it hold them back? For "
        "example, 'cannot follow an instruction of more than two steps without a picture'.",
        FlagCode.VAGUE_NEED,
    ),
    VagueTerm(
        r"(?:finds?|found) (?:it |this |things |\w+ )?(?:difficult|hard|challenging|tricky)"
        r" (?:at times|sometimes|occasionally)|(?:can|may|might|could|will) (?:sometimes"
        r"|occasionally|at times)|at times|sometimes|occasionally|from time to time|on occasion"
        r"|now and (?:then|again)",
        '"{phrase}" does not say how often this happens or what effect it has, so it can be '
        "read as rare and minor, and the help in section F cut to match.",
        "How often does this happen, what sets it off, and what effect does it have? For "
        "example, 'most days, at changes of lesson, and he cannot return to work for 20 "
        "minutes'.",
        FlagCode.VAGUE_NEED,
    ),
    VagueTerm(
        r"(?:may|might|can|could) (?:struggle|find (?:it |this |things )?(?:difficult|hard"
        r"|challenging|tricky)|have (?:some )?difficult(?:y|ies)|experience (?:some )?"
        r"difficult(?:y|ies)|need (?:some )?(?:help|support))",
        '"{phrase}" says your child might have this difficulty, not that they do. Section B '
        "should state the needs the assessment found.",
        "What does your child actually find hard, how often, and with what effect? Say it as "
        "'finds', not 'may find'.",
        FlagCode.VAGUE_NEED,
    ),
)

# Who delivers. The combined pattern tries these in order at each position, so a longer title
# ("learning support assistant") wins over a shorter one inside it ("support assistant").
# Acronyms that are also ordinary words ("salt", "ta", "ot", "ep", "Elsa") match in capitals.
PROVIDERS: tuple[tuple[str, ProviderKind], ...] = (
    (r"speech (?:and|&) language therapists?|speech therapists?", ProviderKind.PROFESSION),
    (r"(?-i:SaLTs?|SALTs?)|slts?", ProviderKind.PROFESSION),
    (r"occupational therapists?|(?-i:OTs?)", ProviderKind.PROFESSION),
    (r"physiotherapists?|physios?", ProviderKind.PROFESSION),
    (
        r"(?:educational|clinical|child) psychologists?|psychologists?|(?-i:EPs?)",
        ProviderKind.PROFESSION,
    ),
    (r"(?:art|music|drama) therapists?", ProviderKind.PROFESSION),
    (r"teachers?|(?-i:QTVI|QTMSI|QToD|ToD)", ProviderKind.PROFESSION),
    (r"sencos?|nurses?|(?-i:ELSAs?)", ProviderKind.PROFESSION),
    (r"higher level teaching assistants?|hltas?", ProviderKind.STAFF),
    (r"learning support assistants?|lsas?|teaching assistants?|(?-i:TAs?)", ProviderKind.STAFF),
    (r"special needs assistants?|snas?|support (?:assistants?|workers?)", ProviderKind.STAFF),
    (r"(?:learning )?mentors?|key[\s-]?workers?", ProviderKind.STAFF),
    (r"members? of staff|staff(?: members?)?|adults?|practitioners?", ProviderKind.STAFF),
    (r"tutors?|counsellors?|therapists?|coach(?:es)?|lecturers?", ProviderKind.STAFF),
    (r"(?:[12]:[12]|1-1|1-to-1)(?![.:\d])|one[\s-]to[\s-]one", ProviderKind.FORMAT),
)

# Training or qualification stated (9.69: "level of expertise").
QUALIFICATIONS: tuple[str, ...] = (
    r"trained",
    r"training (?:in|on|from|by)",
    r"(?:with|received|completed|undertaken|had) (?:\S+ ){0,2}training",
    r"qualified|qualifications?|(?-i:HCPC)|registered|accredited|certified",
    r"experienced|experience (?:in|of|with|working)|expertise",
)

_NUMBER = (
    r"(?:\d+(?:[.,]\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen"
    r"|twenty|thirty|forty(?:[\s-]five)?|fifty|sixty|ninety|half an?|one and a half)"
)
_SMALL_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
_UNIT = r"(?:school )?(?:day|week|fortnight|month|term|half[\s-]?term|year)"
_OCCASION = (
    r"(?:morning|afternoon|evening|lesson|session|lunch\s*time|break\s*time|playtime"
    r"|monday|tuesday|wednesday|thursday|friday)"
)
# "every day", "the whole school day" and "full-time" are both how often and how long.
_CONTINUOUS = (
    r"full[\s-]?time|at all times|throughout (?:the )?(?:school )?(?:day|week)"
    r"|(?:whole|entire|full) (?:school )?(?:days?|weeks?|lessons?|sessions?)|all day"
    r"|all lessons|across the (?:school )?day"
)

# How often.
FREQUENCIES: tuple[str, ...] = (
    r"daily|weekly|fortnightly|monthly|termly|half[\s-]?termly|annually|yearly|nightly"
    r"|bi-?weekly|bi-?annually",
    r"twice|thrice|once (?:a|an|per|each|every|weekly|daily|fortnightly|monthly|termly)",
    _SMALL_NUMBER + r" times",
    r"\d+\s*x(?![a-z])",
    r"(?:each|every|per|a|an) " + _UNIT + r"s?",
    r"(?:each|every|per) " + _OCCASION + r"s?",
    r"every (?:other|" + _SMALL_NUMBER + r") (?:day|week|month|term|lesson|session)s?",
    r"mondays|tuesdays|wednesdays|thursdays|fridays|monday to friday|term time",
    r"p\.?w|hpw|per annum",
    _CONTINUOUS,
)

# How long, or how much time.
DURATIONS: tuple[str, ...] = (
    _NUMBER + r"\s*-?\s*(?:minutes?|mins?|hours?|hrs?)",
    r"\d+(?:\.\d+)?\s*hpw",
    r"(?<!every\s)(?:\d+(?:\.\d+)?|one|two|three|four|five|half an?) (?:full |half |school )?days?",
    r"half[\s-]days?",
    _CONTINUOUS,
)

# How progress is reviewed or measured. "Monitored" is also a vague term (see VAGUE_TERMS):
# it stops NO_REVIEW, and the VAGUE_TERM flag says what is weak about it.
REVIEWS: tuple[str, ...] = (
    r"review(?:ed|s|ing)?",
    r"(?:measured|assessed|evaluated|tracked|recorded) (?:by|against|using|through|with|via)",
    r"progress (?:will be |is |to be )?(?:measured|assessed|evaluated|tracked|recorded|checked)",
    r"against (?:\S+ ){0,3}(?:targets|outcomes|baselines?)|baseline",
    r"re-?assess(?:ed|ment|ments)?",
    r"monitor(?:ed|ing|s)?",
)

# Provision activities: words that make a statement about provision even with no provider.
ACTIVITIES: tuple[str, ...] = (
    r"support(?:ed|s|ing)?|help(?:ed|s|ing)?|assist(?:ed|s|ing|ance)?",
    r"therap(?:y|ies)|programmes?|programs?|interventions?|sessions?|lessons?|groups?",
    r"teach(?:ing|es)?|taught|tuition|instruction|pre-teach(?:ing)?|coaching|counselling",
    r"mentoring|supervision|training|strategies|exercises|activities|equipment|resources",
    r"deliver(?:ed|s|ing|y)?|provid(?:e|ed|es|ing)|provision|receive[sd]?|access",
    r"work(?:s|ing)? (?:with|on)|practi[cs]e|breaks?|check[\s-]ins?",
)

# Line openings that are list markers, not words: bullets, "1.", "1.2.", "(a)", "iv)".
_LIST_MARKER = re.compile(
    r"(?:[\u2022\u25cf\u25cb\u25e6\u25aa\u25ab\u25a0\u25a1\u2023\u2043\u2219\u00b7"
    r"\uf0b7\uf0a7\uf0d8]+\s*"
    r"|[-\u2013\u2014*+>]+\s+"
    r"|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxIVX]{1,5})[.)]\s+)"
)
# Bullets pasted inline (a PDF or email that lost its line breaks) start a new line.
_INLINE_BULLET = re.compile(r"[\u2022\u25cf\u25aa\u25a0\u2023\uf0b7\uf0a7]")
# A full stop after these is not the end of a sentence, whatever follows.
_NEVER_ENDS_SENTENCE = frozenset(
    {"e.g", "eg", "i.e", "ie", "approx", "dr", "mr", "mrs", "ms", "prof", "cf", "vs", "viz"}
    | {"incl", "esp", "ca", "nb", "n.b", "fig"}
)
# After these, a sentence ends only if a capital letter follows ("20 mins. Progress is...").
_UNIT_ABBREVIATIONS = frozenset(
    {"hrs", "hr", "mins", "min", "secs", "sec", "wk", "wks", "yrs", "yr", "etc"}
    | {"a.m", "p.m", "p.w", "pw"}
)
_SENTENCE_END = ".!?"
_CLOSERS = "\"')]\u201d\u2019"
_OPENERS = "(\"'[\u201c\u2018"

# specific_wording: a "what" that starts with one of these verbs follows "will" directly.
_LEADING_VERBS = frozenset(
    {"deliver", "provide", "run", "teach", "lead", "support", "work", "give", "use"}
    | {"implement", "model", "coach", "supervise", "help", "carry", "meet", "see", "visit"}
    | {"assess", "check", "plan", "set", "train", "prepare", "pre-teach", "mentor"}
)


def _compile(*patterns: str) -> re.Pattern[str]:
    """One case-insensitive, word-bounded alternation; a space matches any whitespace.

    Bounded by "no word character either side" rather than \\b, so that a pattern may start
    with a symbol ("\u00a36,000"); for patterns that start and end with a word character the
    two are the same.
    """
    body = "|".join(f"(?:{pattern})" for pattern in patterns).replace(" ", r"\s+")
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


# Every phrase table the provision checker uses, in the order they are tried at a position.
PROVISION_PHRASES: tuple[VagueTerm, ...] = (
    VAGUE_TERMS + DISCRETION_TERMS + FUNDING_TERMS + COUNCIL_CHANGE_TERMS + UNNAMED_APPROACH_TERMS
)
_PROVISION_PHRASES = tuple((_compile(term.pattern), term) for term in PROVISION_PHRASES)
_NAMED_APPROACH = _compile(*NAMED_APPROACHES)
_NEED_PHRASES = tuple((_compile(term.pattern), term) for term in NEED_TERMS)
_PROVIDER_ANY = _compile(*(pattern for pattern, _ in PROVIDERS))
_PROVIDER_KIND = tuple((_compile(pattern), kind) for pattern, kind in PROVIDERS)
_QUALIFICATION = _compile(*QUALIFICATIONS)
_FREQUENCY = _compile(*FREQUENCIES)
_DURATION = _compile(*DURATIONS)
_REVIEW = _compile(*REVIEWS)
_ACTIVITY = _compile(*ACTIVITIES)
# A frequency straight after a review word is the review's, not the provision's: "reviewed
# every 6 weeks" says nothing about how often the help itself happens.
_REVIEW_LEAD = re.compile(
    r"\b(?:review(?:ed)?|assess(?:ed)?|measured|evaluated|monitored|checked)\s+(?:\S+\s+){0,6}$",
    re.IGNORECASE,
)
_LOOK_BACK = 160
_WORD = re.compile(r"\w")

_MISSING: dict[FlagCode, tuple[str, str]] = {
    FlagCode.NO_PROVIDER: (
        "It does not say who will give this help. If nobody is named, it is hard to check it "
        "happens or to hold anyone to it.",
        "Who should give this help? For example, {example}.",
    ),
    FlagCode.NO_QUALIFICATION: (
        'It names "{phrase}" but not the training or experience they need. The Code of '
        'Practice says provision should be set out by "level of expertise" as well as hours '
        "and frequency.",
        "What training or experience should this person have? For example, {example}.",
    ),
    FlagCode.NO_FREQUENCY: (
        "It does not say how often this will happen, so nobody can check your child is "
        "getting enough of it.",
        "How often should this happen? For example, 3 times a week.",
    ),
    FlagCode.NO_DURATION: (
        "It does not say how long each session lasts or how much time is given.",
        "How long should each session last? For example, 30 minutes.",
    ),
    FlagCode.NO_REVIEW: (
        "It does not say how or when anyone will check whether this help is working.",
        "How and when should progress be checked? For example, reviewed every 6 weeks "
        "against SMART targets.",
    ),
}


# The examples in the NO_PROVIDER and NO_QUALIFICATION questions fit what the statement is
# about (9.69: "level of expertise"), so a reading statement is not given a speech therapist.
# The words are tried together; the one that comes first in the statement decides, the longer
# one where two start together ("social communication" is communication, not social).
AREA_WORDS: tuple[tuple[ProvisionArea, str], ...] = (
    (
        ProvisionArea.COMMUNICATION,
        r"speech|language|communicat(?:e|es|ing|ion)|social communication|talk(?:ing)?"
        r"|listening|vocabulary|expressive|receptive|(?-i:SaLTs?|SALTs?|SLTs?)|elklan|makaton"
        r"|(?-i:PECS)|signing|stammer(?:ing)?",
    ),
    (
        ProvisionArea.LITERACY,
        r"read(?:ing|er|ers)?|literacy|phonics|spelling|writing|dyslexi[ac]"
        r"|decoding|comprehension|precision teaching",
    ),
    (
        ProvisionArea.SENSORY_PHYSICAL,
        r"(?:fine |gross )?motor|sensory|handwriting|occupational therap(?:y|ist|ists)"
        r"|(?-i:OTs?)|physio(?:therapy|therapists?|s)?|co-?ordination|dyspraxi[ac]|movement"
        r"|balance|posture|proprioceptive|vestibular",
    ),
    (
        ProvisionArea.EMOTIONAL_SOCIAL,
        r"emotion(?:s|al)?|anxi(?:ety|ous)|social(?: skills?)?|friendships?|self[\s-]esteem"
        r"|well[\s-]?being|mental health|(?:self[\s-])?regulation|calm(?:ing)?|behaviour(?:al)?"
        r"|(?-i:ELSAs?)|worr(?:y|ies|ied)|confidence|resilience|nurture|counselling",
    ),
)


@dataclass(frozen=True)
class AreaExamples:
    provider: str  # completes "Who should give this help? For example, ..."
    training: str  # completes "What training or experience should this person have? ..."


AREA_EXAMPLES: dict[ProvisionArea, AreaExamples] = {
    ProvisionArea.COMMUNICATION: AreaExamples(
        "a speech and language therapist or a teaching assistant",
        "trained in ELKLAN by a speech and language therapist",
    ),
    ProvisionArea.LITERACY: AreaExamples(
        "a specialist teacher with a qualification in dyslexia",
        "trained and supervised by a specialist teacher with a qualification in dyslexia",
    ),
    ProvisionArea.SENSORY_PHYSICAL: AreaExamples(
        "an occupational therapist, or a teaching assistant trained by one",
        "trained by an occupational therapist to carry out the programme",
    ),
    ProvisionArea.EMOTIONAL_SOCIAL: AreaExamples(
        "a teaching assistant trained as an ELSA (emotional literacy support assistant), "
        "supervised by an educational psychologist",
        "trained as an ELSA (emotional literacy support assistant) and supervised by an "
        "educational psychologist",
    ),
    ProvisionArea.GENERAL: AreaExamples(
        "a specialist teacher or a trained teaching assistant",
        "trained in the programme they will deliver, and by whom",
    ),
}
_AREAS = tuple((_compile(pattern), area) for area, pattern in AREA_WORDS)


# -- splitting pasted text into statements ---------------------------------------------------


def _strip_list_marker(line: str) -> tuple[str, bool]:
    """Return the line without its bullets or numbering, and whether it had any."""
    marked = False
    while match := _LIST_MARKER.match(line):
        line, marked = line[match.end() :], True
    return line.strip(), marked


def _continues(previous: str, line: str) -> bool:
    """A line wrapped from the one before: no closing punctuation there, lower case here."""
    return previous[-1] not in _SENTENCE_END + ":;" and line[0].islower()


def _ends_sentence(word: str, following: str) -> bool:
    """Whether the full stop (or ! or ?) ending `word` ends the sentence before `following`."""
    core = word.rstrip(_CLOSERS)
    if not core.endswith(tuple(_SENTENCE_END)) or following[0].islower():
        return False
    stem = core.rstrip(_SENTENCE_END).lstrip(_OPENERS).lower()
    if core[-1] == "." and (stem in _NEVER_ENDS_SENTENCE or (len(stem) == 1 and stem.isalpha())):
        return False  # an abbreviation or an initial ("Dr.", "e.g.", "J. Smith")
    if stem in _UNIT_ABBREVIATIONS:
        return following[0].isupper()
    return True


def _sentences(statement: str) -> list[str]:
    words = list(re.finditer(r"\S+", statement))
    found: list[str] = []
    start = 0
    for word, following in pairwise(words):
        if _ends_sentence(word.group(), following.group()):
            found.append(statement[start : word.end()])
            start = following.start()
    found.append(statement[start:])
    return found


def split_sentences(text: str) -> list[str]:
    """Split pasted plan text into provision statements: sentences and list items.

    Bullets ("•", "-", "*") and numbering ("1.", "1.2.", "a)", "(iv)") start a new statement and
    are dropped. A blank line ends one. A line that starts in lower case after a line with no
    closing punctuation is joined to it, because that is a line break from a PDF. A sentence
    ends at ". ", "! " or "? " unless the next word starts in lower case. It never ends after
    "e.g.", "i.e.", "approx.", "Dr." or an initial. After "hrs.", "mins." or "etc." it ends
    only when a capital letter follows. Parts with no letters or digits are dropped.
    """
    statements: list[list[str]] = []
    for raw in _INLINE_BULLET.sub(lambda bullet: "\n" + bullet.group(), text).splitlines():
        line, marked = _strip_list_marker(raw.strip())
        if not line:
            statements.append([])
        elif statements and statements[-1] and not marked and _continues(statements[-1][-1], line):
            statements[-1].append(line)
        else:
            statements.append([line])
    return [
        sentence.strip()
        for parts in statements
        for sentence in _sentences(" ".join(parts))
        if _WORD.search(sentence)
    ]


# -- the checks, one per flag code -------------------------------------------------------------


def _phrase_flags(
    sentence: str, tables: tuple[tuple[re.Pattern[str], VagueTerm], ...]
) -> tuple[Flag, ...]:
    """A flag for each distinct phrase found, in order, longest first where they overlap.

    Where two tables' phrases overlap, the longer one wins, so "at the discretion of the
    local authority" is COUNCIL_MAY_CHANGE, not also VAGUE_TERM's "at the discretion of". An
    UNNAMED_APPROACH phrase is dropped when the statement names an approach.
    """
    named = bool(_NAMED_APPROACH.search(sentence))
    matches = sorted(
        (
            (match.start(), -match.end(), match.group(), term)
            for pattern, term in tables
            for match in pattern.finditer(sentence)
            if not (named and term.code is FlagCode.UNNAMED_APPROACH)
        ),
        key=lambda found: found[:2],
    )
    flags: list[Flag] = []
    seen: set[str] = set()
    covered_to = 0
    for start, negative_end, phrase, term in matches:
        if start < covered_to or phrase.casefold() in seen:
            continue
        covered_to = -negative_end
        seen.add(phrase.casefold())
        flags.append(
            Flag(
                code=term.code,
                phrase=phrase,
                explanation=term.explanation.format(phrase=phrase),
                question=term.question,
            )
        )
    return tuple(flags)


def _providers(sentence: str) -> list[tuple[str, ProviderKind]]:
    """Each provider named, with its kind, in order."""
    found: list[tuple[str, ProviderKind]] = []
    for match in _PROVIDER_ANY.finditer(sentence):
        kind = next(kind for pattern, kind in _PROVIDER_KIND if pattern.fullmatch(match.group()))
        found.append((match.group(), kind))
    return found


def _has_frequency(sentence: str) -> bool:
    """A frequency that is not the review's ("reviewed every 6 weeks" does not count)."""
    return any(
        # Seven words fit in the look-back window; bounding it keeps long text linear.
        not _REVIEW_LEAD.search(sentence, max(0, match.start() - _LOOK_BACK), match.start())
        for match in _FREQUENCY.finditer(sentence)
    )


def _is_review_statement(sentence: str) -> bool:
    """A statement about reviewing ("Progress will be reviewed termly."), not about provision.

    It reviews, and names no activity, frequency or time of its own. It may name who reviews.
    """
    return bool(_REVIEW.search(sentence)) and not (
        _ACTIVITY.search(sentence) or _has_frequency(sentence) or _DURATION.search(sentence)
    )


def _is_about_provision(sentence: str) -> bool:
    """Names a provider, an activity, a frequency or a time, or uses a vague provision phrase."""
    if _is_review_statement(sentence):
        return False
    return bool(
        _PROVIDER_ANY.search(sentence)
        or _ACTIVITY.search(sentence)
        or _has_frequency(sentence)
        or _DURATION.search(sentence)
        or _phrase_flags(sentence, _PROVISION_PHRASES)
    )


def is_about_provision(sentence: str) -> bool:
    """Whether a statement is about provision (names a provider, an activity, a frequency or
    a time, or uses a vague provision phrase), not a heading, a need or only a review: the
    statements the provision tracker offers as items (Code of Practice 9.69)."""
    return _is_about_provision(sentence)


def provision_area(sentence: str) -> ProvisionArea:
    """The area of need a statement is about, by its first telling word (Code 2015, ch. 6)."""
    found = min(
        (
            (match.start(), -len(match.group()), area)
            for pattern, area in _AREAS
            for match in pattern.finditer(sentence)
        ),
        default=None,
        key=lambda match: match[:2],
    )
    return found[2] if found else ProvisionArea.GENERAL


def _missing(code: FlagCode, phrase: str = "", example: str = "") -> Flag:
    explanation, question = _MISSING[code]
    return Flag(
        code=code,
        phrase=phrase,
        explanation=explanation.format(phrase=phrase),
        question=question.format(example=example),
    )


def _check_provider(sentence: str) -> tuple[Flag, ...]:
    """NO_PROVIDER: nobody named to deliver it (9.69: the type of support)."""
    if _providers(sentence):
        return ()
    example = AREA_EXAMPLES[provision_area(sentence)].provider
    return (_missing(FlagCode.NO_PROVIDER, example=example),)


def _check_qualification(sentence: str) -> tuple[Flag, ...]:
    """NO_QUALIFICATION: a provider whose training must be stated, stated without it.

    9.69: "level of expertise". A profession (speech and language therapist, teacher) is a
    qualification in itself. A staff role (teaching assistant, adult, mentor) is flagged unless
    the statement gives training or experience. So is "1:1" when nobody else is named.
    """
    providers = _providers(sentence)
    if not providers or _QUALIFICATION.search(sentence):
        return ()
    kinds = {kind for _, kind in providers}
    for phrase, kind in providers:
        if kind is ProviderKind.STAFF or kinds == {ProviderKind.FORMAT}:
            example = AREA_EXAMPLES[provision_area(sentence)].training
            return (_missing(FlagCode.NO_QUALIFICATION, phrase, example),)
    return ()


def _check_frequency(sentence: str) -> tuple[Flag, ...]:
    """NO_FREQUENCY: nothing says how often (9.69: "frequency of support")."""
    return () if _has_frequency(sentence) else (_missing(FlagCode.NO_FREQUENCY),)


def _check_duration(sentence: str) -> tuple[Flag, ...]:
    """NO_DURATION: no session length or amount of time (9.69: "hours")."""
    return () if _DURATION.search(sentence) else (_missing(FlagCode.NO_DURATION),)


def _check_review(sentence: str) -> tuple[Flag, ...]:
    """NO_REVIEW (a suggestion): nothing says how or when progress is reviewed or measured.

    Source: DOMAIN.md section 1.2 ("how it is reviewed") as good practice. Code 9.69 does not
    require it, so FLAG_RULES marks it Severity.SUGGESTION, never a defect.
    """
    return () if _REVIEW.search(sentence) else (_missing(FlagCode.NO_REVIEW),)


_CHECKS_WHEN_ABOUT_PROVISION = (
    _check_provider,
    _check_qualification,
    _check_frequency,
    _check_duration,
    _check_review,
)


def check_provision(sentence: str) -> tuple[Flag, ...]:
    """Return the flags for one provision statement, measured against Code of Practice 9.69.

    Flagged phrases (vague words, discretion, funding, council changes, unnamed approaches)
    come first, in the order they appear. Then what is missing, in the order
    who, qualification, how often, how long, reviewed. The "missing" flags are only raised
    when the statement is about provision (see the module docstring). Text with no letters or
    digits gets no flags.
    """
    if not _WORD.search(sentence):
        return ()
    flags = list(_phrase_flags(sentence, _PROVISION_PHRASES))
    if _is_about_provision(sentence):
        for check in _CHECKS_WHEN_ABOUT_PROVISION:
            flags.extend(check(sentence))
    return tuple(flags)


def check_text(text: str) -> tuple[SentenceReport, ...]:
    """Split a pasted section (F, or B or I) into statements and check each one (9.69).

    A review statement ("Progress will be reviewed every 6 weeks.") counts as the review of
    the statement just before it, so that statement does not also get NO_REVIEW.
    """
    sentences = split_sentences(text)
    reports: list[SentenceReport] = []
    for index, sentence in enumerate(sentences):
        flags = check_provision(sentence)
        following = sentences[index + 1] if index + 1 < len(sentences) else ""
        if _is_review_statement(following):
            flags = tuple(flag for flag in flags if flag.code is not FlagCode.NO_REVIEW)
        reports.append(SentenceReport(sentence=sentence, flags=flags))
    return tuple(reports)


def check_need(sentence: str) -> tuple[Flag, ...]:
    """Return VAGUE_NEED flags for one section B statement (s.37(2)(a); Code 9.69).

    Only the need phrases are looked for: the section F checks (who, how often, for how long)
    never run on section B.
    """
    return _phrase_flags(sentence, _NEED_PHRASES)


def check_needs_text(text: str) -> tuple[SentenceReport, ...]:
    """Split a pasted section B into statements and check each need is specific (s.37(2)(a))."""
    return tuple(
        SentenceReport(sentence=sentence, flags=check_need(sentence))
        for sentence in split_sentences(text)
    )


# -- writing it properly -------------------------------------------------------------------------


def _clean(part: str) -> str:
    """One answer, tidied: single spaces, no space before punctuation, no stray punctuation."""
    part = " ".join(part.split())
    part = re.sub(r" ([.,;:!?])", r"\1", part)
    part = re.sub(r"\.{2,}", ".", part)
    return re.sub(r"^[\s.,;:!?]+|[\s.,;:!?]+$", "", part)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _predicate(what: str) -> str:
    """'deliver 1:1 therapy', or the parent's own verb: 'teach phonics'."""
    if not what:
        return "deliver this provision"
    if what.split()[0].lower() in _LEADING_VERBS:
        return what
    return f"deliver {what}"


def _duration(how_long: str) -> str:
    """'for 30 minutes each session', or as given when it already reads as a time."""
    if re.match(r"(?:for|full)\b", how_long, re.IGNORECASE):
        return how_long
    if re.search(r"\b(?:minutes?|mins?|hours?|hrs?)$", how_long, re.IGNORECASE):
        return f"for {how_long} each session"
    return f"for {how_long}"


_PARTICIPLE = r"(?:reviewed|checked|measured|assessed|monitored|tracked|evaluated|recorded)"
_LEADING_PARTICIPLE = re.compile(
    rf"(?:(?:will|to|should|must) be |being )?({_PARTICIPLE})\b", re.IGNORECASE
)
_SUBJECT_PARTICIPLE = re.compile(
    rf"(.*?\w.*?)\s+(?:(?:will|to|should|must) be\s+)?({_PARTICIPLE})\b", re.IGNORECASE
)
_FREQUENCY_WORD = (
    r"(?:termly|half[\s-]?termly|weekly|fortnightly|daily|monthly|annually|yearly|regularly)"
)
# "every half term", "by the SLT", "half-termly against targets": follows "reviewed" as it is.
_ADVERBIAL = re.compile(
    r"(?:by|at|every|each|once|twice|in|on|through|using|with|against|after|before|during|via"
    r"|from|for|when|whenever|as|until|\d)\b|"
    + _FREQUENCY_WORD
    + r"(?:$|\W+(?:by|at|against|with|using|through|in|on|and|when|via|from|to|until|for"
    r"|every|each|or|so)\b)",
    re.IGNORECASE,
)
# A verb that makes the answer a sentence of its own: "Targets are reviewed every half term".
_FINITE = re.compile(
    r"\b(?:will|is|are|was|were|shall|must|should|can|has|have|gets?|reviews|checks|measures"
    r"|assesses|monitors|tracks|evaluates|records)\b",
    re.IGNORECASE,
)
_STARTS_WITH_PROVIDER = re.compile(
    r"(?:(?:the|a|an|their|his|her)\s+)?(?:\w+\s+)?" + _PROVIDER_ANY.pattern, re.IGNORECASE
)


def _review_by(thing: str) -> str:
    """The word that joins "Progress will be reviewed" to a noun phrase the parent gave."""
    if re.search(r"\b(?:targets?|outcomes?|baselines?)\b", thing, re.IGNORECASE):
        return "against"
    if re.search(r"\b(?:reviews?|meetings?)\b", thing, re.IGNORECASE):
        return "at"
    if _STARTS_WITH_PROVIDER.match(thing):
        return "by"
    return "through"


def _review(reviewed: str) -> str:
    """The review sentence, grammatical whatever shape the parent's answer takes.

    "termly", "every half term", "by the SLT every 6 weeks": "Progress will be reviewed ...".
    "reviewed at each review meeting", "checked termly": "Progress will be checked termly.".
    "Progress is checked termly against targets": the parent's sentence, as written.
    "targets reviewed every half term": "Targets will be reviewed every half term.".
    "SMART targets", "termly meetings", "the SENCO": joined by against, at, by or through.
    """
    if lead := _LEADING_PARTICIPLE.match(reviewed):
        rest = _clean(reviewed[lead.end() :])
        return f"Progress will be {lead.group(1).lower()} {rest}".rstrip() + "."
    has_verb = _FINITE.search(reviewed) or _SUBJECT_PARTICIPLE.match(reviewed)
    if (progress := re.match(r"progress\b", reviewed, re.IGNORECASE)) and not has_verb:
        return _review(_clean(reviewed[progress.end() :]))  # "progress against targets"
    if not reviewed or _ADVERBIAL.match(reviewed):
        return f"Progress will be reviewed {reviewed}".rstrip() + "."
    if _FINITE.search(reviewed):
        return _capitalise(reviewed) + "."
    if subject := _SUBJECT_PARTICIPLE.match(reviewed):
        rest = _clean(reviewed[subject.end() :])
        return (
            f"{_capitalise(_clean(subject.group(1)))} will be {subject.group(2).lower()} {rest}"
        ).rstrip() + "."
    return f"Progress will be reviewed {_review_by(reviewed)} {reviewed}."


def specific_wording(
    *, who: str, what: str, how_often: str, how_long: str, reviewed: str, qualification: str = ""
) -> str:
    """Return section F wording from the parent's answers, quantified as 9.69 asks.

    For example: "A speech and language therapist will deliver 1:1 language therapy, 3 times
    a week, for 30 minutes each session. Progress will be reviewed every 6 weeks against
    SMART targets." Every part is tidied first (spaces, trailing full stops, stray
    punctuation). An empty part is left out. With no "who", the sentence says "Someone", so
    the gap stays visible. With no "what", it says "this provision". With no "reviewed",
    there is no second sentence. With nothing at all, the result is "".
    """
    who, what, how_often, how_long, reviewed, qualification = map(
        _clean, (who, what, how_often, how_long, reviewed, qualification)
    )
    sentences: list[str] = []
    if who or what or how_often or how_long or qualification:
        if who:
            subject = f"{who}, {qualification}," if qualification else who
        else:
            subject = f"someone {qualification}" if qualification else "someone"
        clauses = [f"{subject} will {_predicate(what)}"]
        if how_often:
            clauses.append(how_often)
        if how_long:
            clauses.append(_duration(how_long))
        sentences.append(_capitalise(", ".join(clauses)) + ".")
    if reviewed:
        sentences.append(_review(reviewed))
    return " ".join(sentences)
