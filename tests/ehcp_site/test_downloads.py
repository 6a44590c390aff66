"""ehcp_site/downloads.py: names for downloads keep every script's letters."""

import unicodedata
from datetime import date

import pytest

from ehcp_site.downloads import download_name


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Sam", "Okafor", "case"], "Sam-Okafor-case-2026-05-14.zip"),
        (["Siân", "Jones", "case"], "Siân-Jones-case-2026-05-14.zip"),
        ([unicodedata.normalize("NFD", "Siân"), "case"], "Siân-case-2026-05-14.zip"),
        (["Łucja", "Wójcik", "case"], "Łucja-Wójcik-case-2026-05-14.zip"),
        (["مريم", "case"], "مريم-case-2026-05-14.zip"),
        (["अनन्या", "case"], "अनन्या-case-2026-05-14.zip"),  # vowel signs are kept
        (["李", "小龙", "case"], "李-小龙-case-2026-05-14.zip"),
        (["Mary Jane", "O'Brien", "case"], "Mary-Jane-O'Brien-case-2026-05-14.zip"),
        (['../"evil"\r\nname', "case"], "evil-name-case-2026-05-14.zip"),
        (["a/b\\c:d*e?f<g>h|i", "case"], "a-b-c-d-e-f-g-h-i-case-2026-05-14.zip"),
    ],
)
def test_download_name_drops_only_what_a_file_system_cannot_hold(words, expected):
    assert download_name(words, on=date(2026, 5, 14), extension="zip") == expected


def test_a_name_with_nothing_left_still_names_a_file():
    assert download_name(["///", None, ""], extension="pdf") == "download.pdf"
