"""Both catalogs must offer the same keys with the same placeholders."""

from __future__ import annotations

import string

import pytest

from intervisie_tui import i18n


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_catalogs_have_the_same_keys():
    assert set(i18n.catalog("nl")) == set(i18n.catalog("en"))


def test_catalogs_have_the_same_placeholders():
    nl, en = i18n.catalog("nl"), i18n.catalog("en")
    mismatched = [k for k in nl if _fields(nl[k]) != _fields(en.get(k, ""))]
    assert mismatched == []


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "nl"),
        ({"LANG": "C.UTF-8"}, "nl"),
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANGUAGE": "en:nl", "LANG": "nl_NL.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "nl"),
        ({"INTERVISIE_LANG": "en", "LANG": "nl_NL"}, "en"),
    ],
)
def test_detect_language(env, expected):
    assert i18n.detect_language(env) == expected


def test_missing_key_falls_back_to_the_key_and_bad_placeholders_do_not_raise():
    assert i18n.t("no.such.key") == "no.such.key"
    assert i18n.t("setup.duplicate_name").startswith("de naam")
    i18n.set_language("en")
    assert i18n.t("setup.duplicate_name", name="An") == "the name 'An' appears twice"


def test_a_count_picks_the_one_or_the_other_form():
    """Bug: "met 1 vastgelegde punten": one message for every number."""
    i18n.set_language("nl")
    assert i18n.t("run.more_entries", count=1) == "… en 1 eerder (e: alle punten)"
    assert i18n.t("run.more_entries", count=3) == "… en 3 eerder (e: alle punten)"
    assert i18n.t("doctor.methods.loaded", count=1) == "1 methode geladen"
    assert i18n.t("doctor.methods.loaded", count=2) == "2 methodes geladen"
    assert i18n.t_lang("en", "doctor.methods.loaded", count=1) == "1 method loaded"


def test_every_counted_message_has_both_forms():
    for lang in i18n.LANGUAGES:
        keys = i18n.catalog(lang).keys()
        bases = {k.split("|")[0] for k in keys if "|" in k}
        assert all(f"{b}|one" in keys and f"{b}|other" in keys for b in bases), lang
