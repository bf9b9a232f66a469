"""The theme's static files are found without walking Material's hidden icon folders; the site
must still get exactly the files MkDocs would have copied."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import Files

from hooks.theme_files import ThemeSkippingHiddenFolders, skip_hidden_theme_folders

PROJECT = Path(__file__).resolve().parents[2]


def _theme_files(config) -> list[str]:
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted(file.src_uri for file in files)


def test_the_site_gets_the_same_theme_files_as_with_mkdocs_own_listing(tmp_path: Path) -> None:
    config = load_config(str(PROJECT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    as_mkdocs_lists_them = _theme_files(config)

    skip_hidden_theme_folders(config.theme)
    ours = _theme_files(config)

    assert isinstance(config.theme, ThemeSkippingHiddenFolders)
    assert ours == as_mkdocs_lists_them
    assert any(path.startswith("assets/stylesheets/main.") for path in ours)  # Material's CSS
    assert not any("/." in f"/{path}" for path in ours)


def test_icons_are_still_found_by_name(tmp_path: Path) -> None:
    config = load_config(str(PROJECT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    skip_hidden_theme_folders(config.theme)
    env = config.theme.get_env()

    icon = env.get_template(".icons/material/magnify.svg").render()

    assert icon.startswith("<svg")


def test_listing_skips_the_icon_folders(tmp_path: Path) -> None:
    config = load_config(str(PROJECT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    mkdocs_env = config.theme.get_env()
    skip_hidden_theme_folders(config.theme)
    our_env = config.theme.get_env()

    assert any(name.startswith(".icons/") for name in mkdocs_env.list_templates())
    assert not any(name.startswith(".icons/") for name in our_env.list_templates())
