"""Cleaning scraped text and finding the publication date the text carries."""

from __future__ import annotations

from datetime import date

from conftest import SEEDS

from timeline.clean import clean_article, clean_text, find_published


def seed(stem: str) -> str:
    return next(SEEDS.glob(f"{stem}_*.txt")).read_text(encoding="utf-8")


def test_seed_004_loses_ad_code_widgets_and_teasers():
    text = clean_text(seed("004"))
    for junk in (
        "adUnits",
        "placementId",
        "14149971",
        "LEAVE A REPLY",
        "More from Author",
        "Kherson",
        "in_text_content",
        "Source: RPP",
        "HomeTechnology",
        "| Font:",
    ):
        assert junk not in text, junk
    assert "started construction in early 2022" in text


def test_seed_000_loses_copyright_footer_and_source_link():
    text = clean_text(seed("000"))
    assert "©2024" not in text and "Source link" not in text and "Read also" not in text
    assert "(Report by" not in text
    assert text.rstrip().endswith("future small electric Twingo.")


def test_comment_widgets_end_the_story():
    assert "Inline Feedbacks" not in clean_text(seed("002"))
    assert "About Author" not in clean_text(seed("003"))


def test_wire_style_wrapped_lines_are_rejoined():
    raw = "SALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia cocoa zone.\n    New paragraph."
    assert clean_text(raw) == (
        "SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone.\n\nNew paragraph.\n"
    )


def test_dateline_with_copyright_year_dates_the_article():
    assert find_published(seed("000")) == date(2024, 4, 26)


def test_dateline_year_from_the_text_when_no_copyright():
    assert find_published("SALVADOR, Feb 26 - Sales in 1987 rose. In 1987 exports fell.") == date(1987, 2, 26)


def test_no_dateline_means_undated():
    for stem in ("001", "002", "003", "004"):
        assert find_published(seed(stem)) is None


def test_clean_article_puts_the_title_first_and_marks_the_dateline():
    cleaned = clean_article("PARIS, April 26 (Reuters) - Renault said.\n©2024 Reuters", title="Renault news")
    assert cleaned.text.startswith("Renault news\n\nPARIS, April 26")
    start, end = cleaned.dateline
    assert cleaned.text[start:end] == "PARIS, April 26 (Reuters) -"


def test_a_dateline_with_only_the_place_and_the_agency_is_marked_too():
    cleaned = clean_article("DETROIT (Reuters) - U.S. auto sales dropped.", title="Auto sales")
    start, end = cleaned.dateline
    assert cleaned.text[start:end] == "DETROIT (Reuters) -"


def test_a_shouted_subhead_run_into_its_paragraph_gets_a_line_of_its_own():
    text = clean_article("It fell. NEW CREDIT PACTS Talbots said on Monday it would borrow more.", "Talbots").text
    assert "It fell.\nNEW CREDIT PACTS\nTalbots said on Monday" in text
    assert clean_article("IBM AND HP SAID TODAY THEY WOULD MERGE", "x").text.endswith(
        "IBM AND HP SAID TODAY THEY WOULD MERGE\n"
    )


def test_a_wire_tag_is_no_part_of_the_headline():
    cleaned = clean_article(
        "NEW YORK (Reuters) - Corvina Foods Inc said its profit rose.", "CORRECTED: INSTANT VIEW1-Corvina profit rises"
    )
    assert cleaned.text.startswith("Corvina profit rises\n")
    shouted = clean_article("(CORRECTED)-CORVINA SETS RIGHTS\n\nNEW YORK, April 13 - Corvina Foods Inc said ...", "")
    assert shouted.text.startswith("CORVINA SETS RIGHTS\n")


def test_a_shouted_subhead_with_a_comma_or_of_one_long_word_gets_its_own_line():
    text = clean_text(
        'It will matter little." HELP FOR FANNIE, FREDDIE As private finance retreated, Fannie grew. '
        "Suppliers need cash. QUAGMIRE Delphi Corp is still struggling. NASA Administrator Michael Griffin spoke."
    )
    assert "\nHELP FOR FANNIE, FREDDIE\nAs private" in text
    assert "\nQUAGMIRE\nDelphi Corp" in text
    assert "NASA Administrator" in text


def test_a_subhead_leaves_out_the_start_of_a_name_the_article_writes_elsewhere():
    text = clean_text(
        "NE Shipping reported a loss. It had warned. RISING COSTS NE Shipping said fuel cost more. "
        "Rates fell. WHAT COMES UP The outlook is weak."
    )
    assert "\nRISING COSTS\nNE Shipping said fuel" in text
    assert "\nWHAT COMES UP\nThe outlook" in text
