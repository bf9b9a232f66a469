"""Names in web addresses: a story folder, a photo's published files and its download name."""

from __future__ import annotations

from pathlib import Path

from hooks.images import output_stem
from hooks.slugs import slug_from_words


def test_latvian_letters_become_plain_letters_and_everything_else_one_hyphen() -> None:
    assert slug_from_words("Anna Bērziņa") == "anna-berzina"
    assert slug_from_words("Ģimene — 1970. gadā!") == "gimene-1970-gada"
    assert slug_from_words("  ---  ") == ""


def test_a_photo_file_is_published_under_the_same_form_of_its_name() -> None:
    assert output_stem(Path("Līga un Jānis.JPG")) == "liga-un-janis"
    assert output_stem(Path("ŽŪŽŪ.jpg")) == "zuzu"
    # A name of symbols only still gives a file name.
    assert output_stem(Path("???.jpg")) == "image"
    assert len(output_stem(Path(f"{'ļoti-garš-' * 20}.jpg"))) <= 60
