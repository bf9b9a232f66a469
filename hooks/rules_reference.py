"""The editors' reference of every content rule, generated from the rule registry.

`rules_reference_markdown("lv")` / `("en")` returns a Markdown page (a table per group: ID,
severity, name, what it checks, how to fix; captioned with the group and with the ID as each
row's header, see hooks/markup.py `wrap_tables`); `python -m hooks.rules_reference [--language en]`
prints it. The introduction and headings are translated. The rule texts come from
`data/rules.<lang>.yml` for the languages in `TRANSLATED_LANGUAGES` and from `hooks.rules`, in
English, for the others and for any rule that file lacks.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from hooks import site_data
from hooks.languages import DEFAULT_LANGUAGE
from hooks.rules import SEVERITIES, Rule, all_rules

# Their rule texts are in `data/rules.<lang>.yml` rather than here, so that an editor can
# correct the wording without touching code.
TRANSLATED_LANGUAGES = frozenset({"lv"})

_TEXTS = {
    "lv": {
        "title": "Satura pārbaudes noteikumi",
        "intro": (
            "Katru reizi, kad vietne tiek būvēta, un ar komandu `make check` tiek "
            "pārbaudīts viss saturs: metadatu lauki faila sākumā (front matter), saites, attēli, "
            "piekrišanas dati un vārdu izvēle. Pārbaude parāda visas problēmas uzreiz, katrai "
            "norādot failu, rindu, lauku, noteikuma ID un to, kas jādara.\n\n"
            "**Kļūda** (error) aptur vietnes publicēšanu, līdz tā ir izlabota. "
            "**Brīdinājums** (warning) un **informācija** (info) publicēšanu neaptur, bet tos "
            "vajag izskatīt."
        ),
        "draft": (
            "Šie noteikumu teksti latviešu valodā ir izstrādātāju sagatavots tulkojuma melnraksts, "
            "ko latviešu valodas redaktors vēl nav pārbaudījis."
        ),
        "messages": (
            "Komanda `make check LANGUAGE=lv` katru problēmu paskaidro ar šīs lapas tekstiem un "
            "pēc tam precīzāk angliski; `make check` bez `LANGUAGE=lv` raksta tikai angliski. "
            "Noteikumu ID abās valodās ir tie paši, tāpēc ziņojumā redzamo ID (piemēram, "
            "`LRP007`) var atrast šajā lapā."
        ),
        "columns": ("ID", "Nopietnība", "Nosaukums", "Ko pārbauda", "Kā labot"),
        # Above each table; hooks/markup.py makes it the table's caption.
        "caption": "Noteikumi grupā „{group}”:",
        "severity": {"error": "kļūda", "warning": "brīdinājums", "info": "informācija"},
        "counts": "Kopā {total} noteikumi: {error} kļūdas, {warning} brīdinājumi, "
        "{info} informatīvi.",
        "terminology": (
            'Vārdu izvēles noteikumi neattiecas uz citātiem pēdiņās („…”, “…”, "…", «…»), '
            "citātu blokiem (rindas, kas sākas ar `>`), kodu, iestāžu nosaukumiem no saraksta "
            "`data/terminology.yml` un rindām ar atzīmi `<!-- terminology: allow -->` (tajā pašā "
            "vai iepriekšējā rindā). Vārds „čigāns” vienmēr ir tikai informācija, nekad kļūda."
        ),
    },
    "en": {
        "title": "Content check rules",
        "intro": (
            "Every site build, and the command `make check`, checks all content: "
            "front matter fields, links, images, consent details and wording. The check shows "
            "every problem at once, each with the file, line, field, rule ID and what to do.\n\n"
            "An **error** stops the site from being published until it is fixed. A **warning** "
            "or **info** does not, but should be looked at."
        ),
        "columns": ("ID", "Severity", "Name", "What it checks", "How to fix"),
        "caption": "Rules in the group “{group}”:",
        "severity": {"error": "error", "warning": "warning", "info": "info"},
        "counts": "{total} rules: {error} errors, {warning} warnings, {info} info.",
        "terminology": (
            'Wording rules never apply to quotations in quotation marks (“…”, "…", „…”, «…»), '
            "blockquotes (lines starting with `>`), code, the organisation names listed in "
            "`data/terminology.yml`, or lines with the marker `<!-- terminology: allow -->` (on "
            'the same line or the line before). "Čigāns" is always information, never an '
            "error."
        ),
    },
}

_GROUP_NAMES = {
    "lv": {
        "Reading the file": "Faila nolasīšana",
        "File names and addresses": "Failu nosaukumi un adreses",
        "Front matter fields": "Metadatu lauki (front matter)",
        "Links, images and HTML": "Saites, attēli un HTML",
        "Stories, heritage and events": "Stāsti, mantojums un pasākumi",
        "Translations": "Tulkojumi",
        "Terminology": "Vārdu izvēle",
    },
}


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def _rule_texts(language: str) -> dict[str, Any]:
    return site_data.rule_texts(language) if language in TRANSLATED_LANGUAGES else {}


def _row(rule: Rule, texts: dict, language: str, own: Mapping[str, str] | None) -> str:
    source = own or {"summary": rule.summary, "fix": rule.fix, "description": rule.description}
    description = source.get("description")
    what = _cell(source["summary"] + (f" {description}" if description else ""))
    fix = _cell(source["fix"])
    if own is None and language != "en":
        # English on another language's page: screen readers need to be told, or they read it
        # with Latvian or Romani pronunciation.
        what, fix = (f'<span lang="en">{text}</span>' for text in (what, fix))
    # `{ scope=row }`: the ID names its row, so hooks/markup.py makes it a row header.
    return (
        f"| `{rule.id}` {{ scope=row }} | {texts['severity'][rule.severity]} | `{rule.name}` "
        f"| {what} | {fix} |"
    )


def rules_reference_markdown(language: str = DEFAULT_LANGUAGE) -> str:
    texts = _TEXTS.get(language, _TEXTS["en"])
    group_names = _GROUP_NAMES.get(language, {})
    translation = _rule_texts(language)
    own_texts: Mapping[str, Mapping[str, str]] = translation.get("rules", {})
    rules = all_rules()
    counts = {severity: sum(rule.severity == severity for rule in rules) for severity in SEVERITIES}
    lines = [f"# {texts['title']}", "", texts["intro"], ""]
    if translation:
        # Until an editor has read the translation, readers must know it is only a draft.
        draft = [texts["draft"]] if translation.get("review") != "reviewed" else []
        lines += [" ".join([*draft, texts["messages"]]), ""]
    lines += [texts["counts"].format(total=len(rules), **counts), ""]
    groups: dict[str, list[Rule]] = {}
    for rule in rules:
        groups.setdefault(rule.group, []).append(rule)
    header = "| " + " | ".join(texts["columns"]) + " |"
    divider = "| " + " | ".join("---" for _ in texts["columns"]) + " |"
    for group, members in groups.items():
        name = group_names.get(group, group)
        lines += [f"## {name}", ""]
        if group == "Terminology":
            lines += [texts["terminology"], ""]
        rows = [_row(rule, texts, language, own_texts.get(rule.id)) for rule in members]
        lines += [texts["caption"].format(group=name), "", header, divider, *rows, ""]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m hooks.rules_reference",
        description="Print the content rules reference as Markdown.",
    )
    parser.add_argument("--language", choices=tuple(_TEXTS), default=DEFAULT_LANGUAGE)
    options = parser.parse_args(argv)
    sys.stdout.write(rules_reference_markdown(options.language))
    return 0


if __name__ == "__main__":
    sys.exit(main())
