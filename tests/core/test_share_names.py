"""Name forms and the one matcher: every form found, never inside another word."""

from __future__ import annotations

import pytest

from intervisie_tui.core.logbook.names import NameIndex, Target, Words, fold, form_key, person_forms
from intervisie_tui.core.logbook.wordlists import COMMON

UNSURE = Target("[naam]", "name")


def index(*people: tuple[str, str], lang: str = "nl") -> NameIndex:
    found = NameIndex(UNSURE, COMMON[lang])
    for name, label in people:
        found.add_person(name, Target(label, "member"))
    return found


def replaced(text: str, found: NameIndex) -> str:
    out, position = [], 0
    for match in found.matcher().find(text):
        out += [text[position : match.start], match.target.label]
        position = match.end
    return "".join(out) + text[position:]


def test_fold_keeps_the_length_and_drops_diacritics_and_case():
    for text in ("Zoë", "ÉLODIE", "Søren", "Jan\u2011Willem", "van ’t Hek", "A\u00a0B", "İlker"):
        assert len(fold(text)) == len(text)
    assert fold("Zoë ÉLODIE Søren") == "zoe elodie soren"
    assert fold("Jan\u2011Willem van ’t Hek") == "jan-willem van 't hek"


def test_the_forms_of_a_dutch_name():
    forms = {key[0]: rank for key, rank in person_forms("An de Vries")}
    assert forms == {"an de vries": 0, "an": 1, "de vries": 1, "vries": 1, "a. de vries": 1}
    double = {key[0] for key, _ in person_forms("Jan-Willem Bakker")}
    assert {"jan-willem", "jan willem", "jan", "willem", "bakker", "jan willem bakker"} <= double
    particles = {key[0] for key, _ in person_forms("Maria van der Berg")}
    assert {"van der berg", "berg", "maria"} <= particles and "van" not in particles
    assert all(form_key(key[0]) == key[0] for key, _ in person_forms("Piet van ’t Hek"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An de Vries belde", "Lid 1 belde"),
        ("De Vries belde", "Lid 1 belde"),
        ("de vries en AN", "Lid 1 en Lid 1"),
        ("A. de Vries", "Lid 1"),
        ("Vries", "Lid 1"),
        ("Jan-Willem en jan willem, Jan, willem", "Lid 2 en Lid 2, Lid 2, Lid 2"),
        ("Zoe en Zoë en ZOË en Zoe\u0308", "Lid 3 en Lid 3 en Lid 3 en Lid 3\u0308"),
        ("Zoë's punt en An's idee", "Lid 3's punt en Lid 1's idee"),
        ("(An) [Zoë] An, Zoë.", "(Lid 1) [Lid 3] Lid 1, Lid 3."),
    ],
)
def test_every_form_is_found_whatever_the_case_or_diacritics(text, expected):
    found = index(("An de Vries", "Lid 1"), ("Jan-Willem Bakker", "Lid 2"), ("Zoë", "Lid 3"))
    assert replaced(text, found) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Anne en Annet, Evaline en Vriesland",  # a name inside a longer word
        "Eva-Marie belde",  # the first half of a double name that is someone else
        "Marie-Eva belde",  # the second half
        "Sint-Jan en Jan-Peter",
        "annemarie",
    ],
)
def test_a_name_is_never_found_inside_another_word(text):
    found = index(("An", "Lid 1"), ("Eva", "Lid 2"), ("Jan", "Lid 3"), ("de Vries", "Lid 4"))
    assert replaced(text, found) == text


def test_the_longest_form_wins_and_a_lower_case_compound_still_counts():
    found = index(("Eva", "Lid 1"), ("Eva-Marie Smit", "Lid 2"), ("Cor", "Lid 3"))
    assert replaced("Eva, Eva-Marie, Eva-Marie Smit, Marie", found) == "Lid 1, Lid 2, Lid 2, Lid 2"
    assert replaced("Cor-achtig", found) == "Lid 3-achtig"


def test_a_name_that_is_also_a_word_counts_only_with_a_capital():
    found = index(("Roos de Groot", "Lid 1"), ("Wil", "Lid 2"))
    text = "Roos zag een groot probleem; ik wil dat Wil en De Groot en Groot meedoen"
    assert replaced(text, found) == (
        "Lid 1 zag een groot probleem; ik wil dat Lid 2 en Lid 1 en Lid 1 meedoen"
    )


def test_an_is_a_word_in_english_and_a_name_in_dutch():
    assert replaced("an idea from An", index(("An", "Lid 1"), lang="en")) == "an idea from Lid 1"
    assert replaced("gesprek met an", index(("An", "Lid 1"), lang="nl")) == "gesprek met Lid 1"


def test_a_form_two_people_share_becomes_unsure_unless_it_is_one_persons_whole_name():
    found = index(("Jan Smit", "Lid 1"), ("Jan Bakker", "Lid 2"), ("Eva", "Lid 3"))
    found.add_person("Eva Bos", Target("Lid 4", "member"))
    assert replaced("Jan, Jan Smit, Eva, Eva Bos", found) == "[naam], Lid 1, Lid 3, Lid 4"


def test_words_know_their_separators_and_positions():
    words = Words("An  de\nVries, Zoë-Marie")
    assert words.words == ["an", "de", "vries", "zoe", "marie"]
    assert words.separator(1) == " " and words.separator(2) == " "
    assert words.span(3) == (14, 17) and words.at(15) == 3
    assert words.joined_left(4) and words.joined_right(3) and not words.joined_right(2)


def test_many_names_and_a_long_text_in_one_pass():
    found = NameIndex(UNSURE)
    for number in range(5000):
        found.add_person(f"Naam{number} van Achternaam{number}", Target(f"Lid {number}", "member"))
    text = " ".join(f"Naam{n} en van Achternaam{n}" for n in range(0, 5000, 7))
    result = replaced(text, found)
    assert "Naam" not in result and result.startswith("Lid 0 en Lid 0 Lid 7 en Lid 7")
