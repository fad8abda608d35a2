"""The date normaliser, rule by rule, against a fixed publication date (Friday 26 April 2024)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import find_dates
from timeline.dates.days import easter_sunday
from timeline.dates.grammar import PATTERNS
from timeline.dates.rules import RESOLVERS

FRIDAY = date(2024, 4, 26)


def only(text: str, published: date | None = FRIDAY):
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        # explicit dates in the common written forms
        ("April 26, 2024", "2024-04-26", "day"),
        ("26 April 2024", "2024-04-26", "day"),
        ("26-FEB-1987", "1987-02-26", "day"),
        ("2024-04-26", "2024-04-26", "day"),
        ("04/26/2024", "2024-04-26", "day"),
        ("Friday, April 26", "2024-04-26", "day"),
        # a missing year comes from the publication date, past by default
        ("he said on April 20", "2024-04-20", "day"),
        ("In a letter dated March, he wrote", "2024-03", "month"),
        # the future when the clause says so
        ("Renault will launch it in March", "2025-03", "month"),
        # weekdays: the publication day itself counts ("said on Friday" in a Friday article)
        ("said in a message posted on Friday", "2024-04-26", "day"),
        ("The meeting was held Monday", "2024-04-22", "day"),
        ("last Friday", "2024-04-19", "day"),
        ("next Tuesday", "2024-04-30", "day"),
        ("today", "2024-04-26", "day"),
        ("yesterday", "2024-04-25", "day"),
        # weeks, months, quarters, halves, seasons, years, decades
        ("discussed this week with Li Auto", "2024-W17", "week"),
        ("last month", "2024-03", "month"),
        ("the first quarter", "2024-Q1", "quarter"),
        ("Q3 2023", "2023-Q3", "quarter"),
        ("the second half of 2023", "2023-H2", "half"),
        ("this summer", "2024-SU", "season"),
        ("the 1990s", "199", "decade"),
        ("in 2020", "2020", "year"),
        ("two years ago", "2022", "year"),
        ("a week or so ago", "2024-W16", "week"),
        ("fiscal 2023", "2023", "year"),
        # "the past year" is a date in TimeML news, the year before publication
        ("the past year", "2023", "year"),
        ("the current fiscal year", "2024", "year"),
        ("the latest fiscal year", "2023", "year"),
        # years read aloud, as broadcast transcripts write them
        ("January nineteen ninety-seven", "1997-01", "month"),
        ("the winter of nineteen ninety-four", "1994-WI", "season"),
        ("in two thousand and one", "2001", "year"),
        ("the year two thousand", "2000", "year"),
        ("during the nineties", "199", "decade"),
        # a clock time with its day is one TIME expression dated by that day
        ("polls closed at 10 p.m. Wednesday", "2024-04-24T22:00", "day"),
        ("the offer expires at 5 p.m. EST April 29", "2024-04-29T17:00", "day"),
        ("the deadline was midnight Thursday", "2024-04-25T24:00", "day"),
        ("at midday Thursday", "2024-04-25T12:00", "day"),
        # a deadline lies ahead
        ("the relatives have until 9 a.m. Tuesday", "2024-04-30T09:00", "day"),
        # putting something off moves it ahead, even in a past clause
        ("officials postponed until Tuesday morning any action", "2024-04-30", "day"),
        ("the agency has given the relatives until Tuesday to sign", "2024-04-30", "day"),
        ("the banks extended $90 million in revolving loans through August", "2024-08", "month"),
        # the year written before a quarter or half belongs to it
        ("the 2023 second quarter", "2023-Q2", "quarter"),
        ("this year's third quarter", "2024-Q3", "quarter"),
        ("the year-ago first quarter", "2023-Q1", "quarter"),
        ("the first two quarters of 2025", "2025-H1", "half"),
        ("the last half of 2023", "2023-H2", "half"),
        # "this past" is the latest one over, even this year's
        ("this past winter", "2023-WI", "season"),
        ("the week of March 6", "2024-W10", "week"),
        ("the day before last Tuesday", "2024-04-22", "day"),
        # "last" or "next" before a full date picks its year
        ("the slaying last Oct. 23", "2023-10-23", "day"),
        ("they meet again next Jan. 30", "2025-01-30", "day"),
        # the end of the current month or year; "since year-end" is the one gone by
        ("troops in the region by the end of the month", "2024-04", "month"),
        ("complete the transaction by year-end", "2024", "year"),
        ("the percentage change is since year-end", "2023", "year"),
        # "for the year" alone is this year (a fiscal year bounded by its last day is a year's worth)
        ("For the year, pet food volume was flat", "2024", "year"),
        ("rising to a high for the year of $42.875 a share", "2024", "year"),
        # "as early as" and "as soon as" point at what is still to come
        ("the father could arrive as early as Tuesday", "2024-04-30", "day"),
        # holidays dated by weekday are found by their rule, each year
        ("Voters will go to the polls on Election Day", "2024-11-05", "day"),
        ("the store closed on Labor Day", "2023-09-04", "day"),
        ("sales over Thanksgiving Day will rise", "2024-11-28", "day"),
        # Easter moves with the moon; "Easter week" is the Holy Week that ends on Easter Sunday
        ("the store closed for Easter", "2024-03-31", "day"),
        ("protesters marched as Easter week began", "2024-W13", "week"),
        ("the exchange will close on Good Friday", "2025-04-18", "day"),
        # a month after "a" is a month too, when the name is ambiguous ("a June agreement")
        ("It was sold under a July agreement", "2023-07", "month"),
    ],
)
def test_values(text, value, precision):
    timex = only(text)
    assert (timex.value, timex.precision) == (value, precision)
    assert timex.start_date <= timex.end_date


@pytest.mark.parametrize(
    ("text", "modifier", "value"),
    [
        ("started construction in early 2022", "START", "2022"),
        ("by mid-2025", "MID", "2025"),
        ("late 2022", "END", "2022"),
        ("the end of 2023", "END", "2023"),
        ("the beginning of 2023", "START", "2023"),
        # a season with its part is that season, narrowed ("early fall" is no verb)
        ("orders rose from the low levels of the early summer", "START", "2023-SU"),
        ("it will open in late fall", "END", "2024-FA"),
    ],
)
def test_modifiers_narrow_the_interval(text, modifier, value):
    timex = only(text)
    assert (timex.modifier, timex.value) == (modifier, value)
    assert (timex.end_date - timex.start_date).days < 200


@pytest.mark.parametrize(
    ("text", "relation"), [("since 2014", "AFTER"), ("until 2030", "BEFORE"), ("grow by 2030", "BEFORE")]
)
def test_signals_become_the_relation_and_stay_outside_the_expression(text, relation):
    timex = only(text)
    assert timex.relation == relation
    assert timex.text.isdigit()


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("now", "DATE", "PRESENT_REF"),
        ("published daily", "SET", "P1D"),
        # fractions go to the next smaller unit; decades and centuries are counted in years
        ("it took 2 1/2 years", "DURATION", "P2Y6M"),
        ("a minute and a half", "DURATION", "PT1M30S"),
        ("after 5 1/2 hours", "DURATION", "PT5H30M"),
        ("for two decades", "DURATION", "P20Y"),
        # a bare plural after "for" or "over the" is a stretch of unknown length
        ("he worked there for years", "DURATION", "PXY"),
        ("over the months", "DURATION", "PXM"),
        # "later" counts from an event the story tells, so only the stretch is known
        ("three days later, it fell", "DURATION", "P3D"),
        ("an hour later", "DURATION", "PT1H"),
        # vague stretches back are TimeML's PAST_REF; ahead, durations
        ("the past few months", "DATE", "PAST_REF"),
        ("the next few years", "DURATION", "PXY"),
        ("two more weeks", "DURATION", "P2W"),
        ("eight trading days", "DURATION", "P8D"),
        ("a day-long strike", "DURATION", "P1D"),
        ("a decades-long feud", "DURATION", "PXY"),
        ("it rallies each July", "SET", "XXXX-07"),
        ("its current share", "DATE", "PRESENT_REF"),
        ("meets weekly", "SET", "P1W"),
        ("it is currently", "DATE", "PRESENT_REF"),
        ("recently", "DATE", "PAST_REF"),
        ("in the future", "DATE", "FUTURE_REF"),
        ("the challenges of the near term", "DATE", "FUTURE_REF"),
        ("to placate holders in the short term", "DATE", "FUTURE_REF"),
        ("financing it at a later date", "DATE", "FUTURE_REF"),
        ("spent a week in China", "DURATION", "P1W"),
        ("within 90 days", "DURATION", "P90D"),
        ("every year", "SET", "P1Y"),
        ("300,000 vehicles a year", "SET", "P1Y"),
    ],
)
def test_references_durations_and_sets_are_never_event_dates(text, type_, value):
    timex = only(text)
    assert (timex.type, timex.value) == (type_, value)
    assert not timex.is_event_date


@pytest.mark.parametrize(
    "text",
    [
        "We may launch it",
        "It costs $27",
        "up 50%",
        "300,000 vehicles",
        "Hyundai's Beijing Plant 2",
        "placementId: 14149971",
        "sold 2000 vehicles",
        "page 12",
        "Feb 31, 2024",
        "two thousand people",
        "temperatures in the nineties degrees",
        "about three-quarters of the shares",
        "the current account deficit",
        # a first name that is also a month's abbreviation; a title in quotes
        "ministers of Hungary and Jan Kavan of the Czech Republic",
        'Baker, speaking on ABC\'s "This Week," said',
        "trades made that day",
        # "Today" at the end of a name
        "a story in USA Today said",
        # an era, not a day
        "mothers in today's world",
        "the case is for today's youth what the blockade was",
        "many of today's personal computers",
        "if I were choosing the people of tomorrow",
        "This is VOA Today.",
    ],
)
def test_no_false_dates(text):
    assert [t for t in find_dates(text, FRIDAY) if t.is_event_date] == []


@pytest.mark.parametrize(
    ("year", "easter"),
    [(1990, date(1990, 4, 15)), (2000, date(2000, 4, 23)), (2024, date(2024, 3, 31)), (2038, date(2038, 4, 25))],
)
def test_easter_sunday_follows_the_gregorian_computus(year, easter):
    assert easter_sunday(year) == easter


def test_easter_in_a_name_is_not_a_date():
    assert find_dates("a trip to Easter Island, with Easter eggs and the Easter bunny", FRIDAY) == []


def test_a_term_as_an_adjective_is_a_kind_of_debt_not_a_time():
    assert find_dates("to reduce short-term debt and near-term costs", FRIDAY) == []


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("It was founded in 1995. The following year it grew.", "The following year", "1996"),
        ("He joined in March 2020. The following month he quit.", "The following month", "2020-04"),
        ("Shares fell Friday, down from the previous Friday.", "the previous Friday", "2024-04-19"),
        ("In 1988 it lost money. Later that year it was sold.", "Later that year", "1988"),
        ("It opened on Oct. 23, 1998. The next day it closed.", "The next day", "1998-10-24"),
        # "the day" is the day the story last named
        ("He flew to Paris on Monday and met the president later in the day.", "the day", "2024-04-22"),
        # "the week" of a market report is the week of the day it last named
        ("The index fell on Monday, April 15. For the week, it dropped 3%.", "the week", "2024-W16"),
        # with no time named before, "the following year" counts from publication
        ("Sales will double the following year.", "the following year", "2025"),
        # earnings news sets the quarter it reports against the same one a year before: the quarter it
        # named ("fourth-quarter profit", a fiscal quarter) or, unnamed, the last one before publication
        ("Fourth-quarter profit rose 5% from the quarter a year ago.", "the quarter a year ago", "2022-Q4"),
        ("Fourth-quarter profit rose 5% from a year earlier.", "a year earlier", "2022-Q4"),
        ("Net for the fiscal fourth quarter rose. In the quarter, sales rose.", "the quarter", "2023-Q4"),
        ("Fourth-quarter sales rose from the 1988 period.", "the 1988 period", "1988-Q4"),
        ("Fourth-quarter net fell. The latest period had a charge.", "The latest period", "2023-Q4"),
        ("Quarterly sales rose from last year's quarter.", "last year's quarter", "2023-Q1"),
        # a quarter followed by the day it ended is the three months before that day, named by the number
        # the text or the story gives it, else by the calendar quarter most of it falls in
        ("In the quarter ended July 31, sales rose.", "the quarter", "2023-Q2"),
        ("In its second quarter ended Oct. 31, it lost money.", "second quarter", "2023-Q2"),
        ("Net for the fiscal first quarter rose. Sales for the quarter ended Sept. 29 rose.", "the quarter", "2023-Q1"),
        ("Its second quarter ended Oct. 31. Results for that quarter included a charge.", "that quarter", "2023-Q2"),
        # a quarter only mentioned, or still ahead, is not the one reported
        ("After a flat fourth quarter, net rose in the quarter.", "the quarter", "2024-Q1"),
        ("Losses will go on into the fourth quarter. Sales fell from a year ago.", "a year ago", "2023-Q1"),
    ],
)
def test_anaphors_count_from_the_time_the_story_last_named(text, phrase, value):
    found = {t.text: t.value for t in find_dates(text, FRIDAY)}
    assert found[phrase] == value


def test_the_day_a_period_ended_is_over_however_soon_after_publication():
    text = "results for the quarter ended April 30"
    found = {t.text: (t.value, t.start_date, t.end_date) for t in find_dates(text, FRIDAY)}
    assert found["April 30"][0] == "2023-04-30"
    assert found["the quarter"] == ("2023-Q1", date(2023, 2, 1), date(2023, 4, 30))


def test_an_anaphor_with_no_time_before_it_is_generic():
    assert find_dates("Market makers lose money on trades made that day.", FRIDAY) == []
    assert find_dates("But in many ways, the day belonged to Poland.", FRIDAY) == []
    assert [t.value for t in find_dates("In 2001 it failed. That year was hard.", None)] == ["2001", "2001"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("the summit on April 24 and 25.", ["2024-04-24", "2024-04-25"]),
        ("talks from March 3 to 5, 2023 in Paris", ["2023-03-03", "2023-03-05"]),
        # a count after "and" goes on with its noun; a clock time is no day
        ("on April 4 and 12 people died", ["2024-04-04"]),
        ("between Jan. 5 and 10:30", ["2024-01-05"]),
    ],
)
def test_a_bare_day_after_a_date_is_a_date_of_that_month(text, values):
    assert [t.value for t in find_dates(text, FRIDAY)] == values


@pytest.mark.parametrize(
    "text", ["net for the year ended June 30 rose", "sales in the fiscal year ending June 30 fell"]
)
def test_a_year_bounded_by_its_last_day_is_a_years_worth(text):
    year, last_day = find_dates(text, FRIDAY)
    assert (year.type, year.value, last_day.value) == ("DURATION", "P1Y", "2023-06-30")


def test_an_undated_article_resolves_absolute_dates_only():
    found = {t.text: t.value for t in find_dates("In 2020, on Friday, this week, in early 2022", None)}
    assert found == {"2020": "2020", "Friday": None, "this week": None, "early 2022": "2022"}


def test_dates_outside_the_plausible_window_are_dropped():
    assert find_dates("in 1750", FRIDAY) == []
    assert find_dates("in 2090", FRIDAY) == []


def test_every_pattern_of_the_grammar_has_its_resolver():
    assert set(PATTERNS) == set(RESOLVERS)
