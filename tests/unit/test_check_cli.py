"""`python -m hooks.check`: what an editor and CI see, and the exit status they rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hooks import check, content_checks
from hooks.rules import Finding, all_rules, wording

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BROKEN_LINK = "---\ntitle: Saites\ntranslation: original\n---\n\n[x](missing.md)\n"
NO_STATUS = "---\ntitle: About\n---\n\nText.\n"


@pytest.fixture
def root(checked_project: Path) -> Path:
    return checked_project


def run(root: Path, *arguments: str) -> int:
    return check.main([*arguments, "--root", str(root)])


def test_clean_project_exits_0_with_a_summary(root, capsys):
    assert run(root) == 0
    assert capsys.readouterr().out == "0 errors, 0 warnings, 0 info in 7 files checked.\n"


def test_errors_exit_1_and_every_finding_is_printed_in_order(root, capsys):
    (root / "docs/links.lv.md").write_text(BROKEN_LINK, encoding="utf-8")
    (root / "docs/about.en.md").write_text(NO_STATUS, encoding="utf-8")

    assert run(root) == 1

    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("docs/about.en.md:1: warning LRP060 translation: ")
    assert lines[1].startswith("docs/links.lv.md:6: error LRP030: The link `missing.md`")
    assert lines[2] == "1 error, 1 warning, 0 info in 9 files checked."
    assert lines[3] == "Skaidrojumi latviski: make check LANGUAGE=lv"


def test_warnings_alone_do_not_fail(root, capsys):
    (root / "docs/about.en.md").write_text(NO_STATUS, encoding="utf-8")
    assert run(root) == 0
    assert "0 errors, 1 warning" in capsys.readouterr().out


def test_github_actions_gets_workflow_annotations_too(root, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (root / "docs/links.lv.md").write_text(BROKEN_LINK, encoding="utf-8")
    (root / "docs/about.en.md").write_text(NO_STATUS, encoding="utf-8")
    (root / "docs/about.rml.md").write_text(
        "---\ntitle: Pal\ntranslation: unreviewed\n---\n", encoding="utf-8"
    )

    assert run(root) == 1

    out = capsys.readouterr().out
    assert "docs/links.lv.md:6: error LRP030" in out  # the readable lines stay
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert [line.split("::")[1] for line in annotations] == [
        "warning file=docs/about.en.md,line=1,title=LRP060",
        "notice file=docs/about.rml.md,line=3,title=LRP061",
        "error file=docs/links.lv.md,line=6,title=LRP030",
    ]
    assert annotations[2].startswith(
        "::error file=docs/links.lv.md,line=6,title=LRP030::The link `missing.md`"
    )


def test_no_annotations_outside_github_actions(root, capsys):
    (root / "docs/links.lv.md").write_text(BROKEN_LINK, encoding="utf-8")
    run(root)
    assert "::error" not in capsys.readouterr().out


def test_annotation_escapes_what_github_would_misread():
    finding = Finding("docs/a,b.lv.md", 3, "LRP030", "error", "", "50% done:\nnext")
    assert check.github_annotation(finding, explained_in=None) == (
        "::error file=docs/a%2Cb.lv.md,line=3,title=LRP030::50%25 done:%0Anext"
    )


def test_annotations_explain_the_rule_in_latvian_after_the_english_message():
    finding = Finding("docs/a.lv.md", 3, "LRP030", "error", "", "The link `x.md` is broken.")
    message = check.github_annotation(finding).split("::", 2)[2]
    english, latvian = message.split("%0A%0A")
    assert english == "The link `x.md` is broken."
    assert latvian.startswith("Noteikums: Saitei uz vietnes lapu vai failu")
    assert "Ko darīt: Izlabojiet ceļu" in latvian


def test_annotations_give_the_exact_case_in_latvian_where_there_is_a_text_for_it():
    finding = Finding(
        "docs/a.lv.md",
        3,
        "LRP024",
        "error",
        "title",
        "`title` is written twice (first on line 2).",
        wording("written_twice", field="title", first=2),
    )
    latvian = check.github_annotation(finding).split("::", 2)[2].split("%0A%0A")[1]
    exact, explanation = latvian.split("%0A")
    assert exact == "`title` ir ierakstīts divreiz (pirmo reizi 2. rindā)."
    assert explanation.startswith("Noteikums: ")


def test_github_format_prints_only_annotations(root, capsys):
    (root / "docs/links.lv.md").write_text(BROKEN_LINK, encoding="utf-8")
    assert run(root, "--format", "github") == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("::error file=docs/links.lv.md,line=6,title=LRP030::")
    assert lines[-1].startswith("1 error")


def test_json_format_is_one_document(root, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (root / "docs/links.lv.md").write_text(BROKEN_LINK, encoding="utf-8")
    assert run(root, "--format", "json") == 1
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["counts"] == {"error": 1, "warning": 0, "info": 0}
    assert report["findings"][0]["rule_id"] == "LRP030"
    assert report["findings"][0]["line"] == 6
    assert captured.err.startswith("::error ")


def test_paths_limit_the_check_to_those_files(root, capsys, monkeypatch):
    (root / "docs/links.lv.md").write_text(BROKEN_LINK, encoding="utf-8")
    monkeypatch.chdir(root)
    assert check.main(["docs/about.lv.md", "--root", str(root)]) == 0
    assert "in 1 file checked" in capsys.readouterr().out
    assert check.main(["docs", "--root", str(root)]) == 1
    assert "in 6 files checked" in capsys.readouterr().out


def test_a_mistyped_path_is_not_a_silent_pass(root, capsys, monkeypatch):
    monkeypatch.chdir(root)
    assert check.main(["docs/abuot.lv.md", "--root", str(root)]) == 2
    output = capsys.readouterr()
    assert "docs/abuot.lv.md: no such file or folder" in output.err
    # Not "0 errors, 0 warnings, 0 info in 0 files checked.", which reads like a pass.
    assert output.out.startswith("Nothing was checked")
    assert "0 errors" not in output.out


def test_a_file_that_is_not_content_is_named(root, capsys, monkeypatch):
    monkeypatch.chdir(root)
    assert check.main(["README.md", "--root", str(root)]) == 0
    assert "not a content file" in capsys.readouterr().err


def test_unexpected_failure_is_a_finding_not_a_traceback(root, capsys, monkeypatch):
    def explode(*arguments: object) -> None:
        raise KeyError("surprise")

    monkeypatch.setattr(content_checks, "check_file", explode)
    assert run(root) == 1
    out = capsys.readouterr().out
    assert "error LRP099" in out and "Traceback" not in out
    assert "7 errors" in out


def test_module_runs_from_the_command_line(root):
    (root / "docs/bad.lv.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    completed = subprocess.run(
        [sys.executable, "-m", "hooks.check", "--root", str(root)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=environment,
    )
    assert completed.returncode == 1
    assert "docs/bad.lv.md:2: error LRP001" in completed.stdout
    assert "Traceback" not in completed.stderr


def test_latvian_output_explains_each_problem_in_latvian_with_its_exact_case(root, capsys):
    (root / "docs/links.lv.md").write_text(BROKEN_LINK, encoding="utf-8")
    (root / "docs/about.en.md").write_text(NO_STATUS, encoding="utf-8")

    assert run(root, "--lang", "lv") == 1

    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "docs/about.en.md:1: brīdinājums LRP060 laukā translation"
    assert lines[4] == "docs/links.lv.md:6: kļūda LRP030"
    assert lines[5].startswith("    Noteikums: Saitei uz vietnes lapu vai failu")
    assert lines[6].startswith("    Ko darīt: Izlabojiet ceļu vai izveidojiet lapu")
    assert lines[7] == (
        "    Precīzāk: Saite `missing.md` ved uz `docs/missing.md`, bet tāda faila nav."
    )
    assert "melnraksts" in lines[8]  # the Latvian texts are not reviewed yet, and it says so
    assert lines[9:] == ["Pārbaudīti faili: 9. Kļūdas: 1, brīdinājumi: 1, informatīvi ziņojumi: 0."]


def test_latvian_output_of_a_clean_project_is_one_line(root, capsys):
    assert run(root, "--lang", "lv") == 0
    assert capsys.readouterr().out == (
        "Pārbaudīti faili: 7. Kļūdas: 0, brīdinājumi: 0, informatīvi ziņojumi: 0.\n"
    )


def test_a_mistyped_path_is_named_in_latvian_too(root, capsys, monkeypatch):
    monkeypatch.chdir(root)
    assert check.main(["docs/abuot.lv.md", "--lang", "lv", "--root", str(root)]) == 2
    output = capsys.readouterr()
    assert output.err == "docs/abuot.lv.md: tāda faila vai mapes nav\n"
    assert output.out.startswith("Nekas netika pārbaudīts")


def test_romani_asked_for_gets_the_check_in_english_and_is_told_why(root, capsys):
    (root / "docs/links.lv.md").write_text(BROKEN_LINK, encoding="utf-8")
    assert run(root, "--lang", "rml") == 1
    output = capsys.readouterr()
    assert "not written in this language yet, so it speaks English" in output.err
    assert "docs/links.lv.md:6: error LRP030: The link `missing.md`" in output.out


def test_a_language_the_site_does_not_have_names_the_choices(root, capsys):
    with pytest.raises(SystemExit) as stopped:
        run(root, "--lang", "latvian")
    assert stopped.value.code == 2
    assert "write LANGUAGE=lv for Latvian, or leave LANGUAGE out" in capsys.readouterr().err


def test_programs_get_english_whatever_the_language(root, capsys):
    (root / "docs/links.lv.md").write_text(BROKEN_LINK, encoding="utf-8")
    assert run(root, "--format", "json", "--lang", "lv") == 1
    assert json.loads(capsys.readouterr().out)["findings"][0]["message"].startswith("The link")
    assert run(root, "--format", "github", "--lang", "lv") == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("::error file=docs/links.lv.md,line=6,title=LRP030::The link")
    assert lines[-1] == "1 error, 0 warnings, 0 info in 8 files checked."


def test_a_wording_rules_suggestion_is_not_labelled_twice():
    finding = Finding("docs/a.lv.md", 4, "LRP127", "warning", "", "“čigāns”: the word… (lsm)")
    lines = check.format_finding(finding, "lv").splitlines()
    assert lines[2].startswith("    Ieteikums: „roms”")
    assert "Ko darīt" not in lines[2]


def test_every_rule_can_be_explained_in_latvian():
    for rule in all_rules():
        finding = Finding("docs/a.lv.md", 1, rule.id, rule.severity, "title", "Details.")
        lines = check.format_finding(finding, "lv").splitlines()
        assert len(lines) == 4, rule.id
        assert "{" not in "".join(lines), rule.id


def _make_check_command(*arguments: str) -> str:
    environment = {**os.environ, "LANGUAGE": "en_US:en"}  # as many desktops set it
    dry_run = subprocess.run(
        ["make", "-n", "check", *arguments],
        cwd=PROJECT_ROOT, capture_output=True, text=True, env=environment, check=True,
    )  # fmt: skip
    return next(line for line in dry_run.stdout.splitlines() if "hooks.check" in line)


def test_make_check_language_lv_asks_for_latvian_and_the_desktop_setting_does_not():
    latvian = _make_check_command("LANGUAGE=lv", "PATHS=stories/x")
    assert "hooks.check --lang lv stories/x" in latvian
    assert "--lang" not in _make_check_command()


def test_versions_left_out_of_the_paths_are_named():
    content = [
        "docs/about.lv.md", "docs/about.en.md",
        "docs/events/day.lv.md", "docs/events/day.en.md", "docs/events/day.rml.md",
        "docs/events/night.lv.md",
        "stories/anna/index.lv.md", "stories/anna/index.en.md",
    ]  # fmt: skip
    chosen = ["docs/about.lv.md", "docs/events/day.en.md", "docs/events/day.lv.md",
              "docs/events/night.lv.md", "stories/anna/index.en.md"]  # fmt: skip
    assert check.versions_left_out(chosen, content) == [
        ("docs/events/day.en.md", ["docs/events/day.rml.md"]),
        ("stories/anna/index.en.md", ["stories/anna/index.lv.md"]),
    ]  # pages are not compared across versions; `night` has no other version


def test_checking_one_version_of_a_story_says_the_others_were_not_compared(
    root, capsys, monkeypatch
):
    monkeypatch.chdir(root)
    assert check.main(["stories/anna-rudevica/index.en.md", "--root", str(root)]) == 0
    assert capsys.readouterr().err == (
        "stories/anna-rudevica/index.en.md: compared only with the language versions named; "
        'name stories/anna-rudevica/index.lv.md too, e.g. PATHS="stories/anna-rudevica"\n'
    )
    assert check.main(["stories/anna-rudevica", "--root", str(root)]) == 0
    assert capsys.readouterr().err == ""
