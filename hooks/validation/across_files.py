"""Rules across all checked files: duplicate addresses and slugs, and one consent per story."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict

from hooks import rules
from hooks.languages import DEFAULT_LANGUAGE
from hooks.rules import Finding, Issue, finding, wording
from hooks.validation.project_files import FileResult
from hooks.validation.schema import KIND_NAMES


def _slug_key(slug: str) -> str:
    return unicodedata.normalize("NFC", slug).casefold()


def cross_file_findings(results: list[FileResult]) -> list[Finding]:
    findings: list[Finding] = []

    by_url: dict[str, list[FileResult]] = defaultdict(list)
    for result in results:
        url = result.path.url
        if url is not None:
            by_url[url.casefold()].append(result)
    for same in by_url.values():
        if len(same) < 2:
            continue
        for result in same:
            others = ", ".join(other.path.rel for other in same if other is not result)
            findings.append(
                finding(
                    result.path.rel,
                    Issue(
                        rules.DUPLICATE_URL,
                        1,
                        "",
                        f"This file and {others} would both be published at /{result.path.url}",
                        wording=wording("same_address", others=others, url=result.path.url),
                    ),
                )
            )

    by_slug: dict[tuple[str, str], dict[str, list[FileResult]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for result in results:
        place = result.path
        if place.slug is None:
            continue
        by_slug[(place.kind, _slug_key(place.slug))][place.neutral_docs_path].append(result)
    for (kind, _), by_folder in by_slug.items():
        if len(by_folder) < 2:
            continue
        for neutral, same in by_folder.items():
            others = ", ".join(
                sorted(
                    other.path.rel
                    for key, group in by_folder.items()
                    if key != neutral
                    for other in group
                )
            )
            for result in same:
                findings.append(
                    finding(
                        result.path.rel,
                        Issue(
                            rules.DUPLICATE_SLUG,
                            1,
                            "",
                            f"{KIND_NAMES[kind].capitalize()} with the same slug "
                            f"`{result.path.slug}` is in {others}",
                            wording=wording(
                                "same_slug", kind=kind, slug=result.path.slug, others=others
                            ),
                        ),
                    )
                )

    stories: dict[str, list[FileResult]] = defaultdict(list)
    for result in results:
        if (
            result.path.kind == "story"
            and result.data
            and isinstance(result.data.get("consent"), dict)
        ):
            stories[result.path.docs_path.rpartition("/")[0]].append(result)
    for versions in stories.values():
        if len(versions) < 2:
            continue
        versions.sort(key=lambda r: (r.path.language != DEFAULT_LANGUAGE, r.path.rel))
        # The block most versions share is the reference (the Latvian one on a tie), so that a
        # slip in one file is reported on that file, not on the ones that are right.
        shared = Counter(repr(sorted(v.data["consent"].items())) for v in versions)  # type: ignore[index]
        most = max(shared.values())
        reference = next(
            v
            for v in versions
            if shared[repr(sorted(v.data["consent"].items()))] == most  # type: ignore[index]
        )
        reference_consent = reference.data["consent"]  # type: ignore[index]
        for other in versions:
            if other is reference:
                continue
            consent = other.data["consent"]  # type: ignore[index]
            differing = sorted(
                key
                for key in set(consent) | set(reference_consent)
                if consent.get(key) != reference_consent.get(key)
            )
            if differing:
                findings.append(
                    finding(
                        other.path.rel,
                        Issue(
                            rules.CONSENT_MISMATCH,
                            other.consent_line,
                            "consent",
                            f"`consent` differs from {reference.path.rel} in: "
                            f"{', '.join(differing)}",
                            "Make the `consent:` block the same in every language version, as the "
                            "consent record says.",
                            # The fix is the rule's own, which the rule's text already gives.
                            wording(
                                "consent_differs",
                                reference=reference.path.rel,
                                fields=", ".join(differing),
                            ),
                        ),
                    )
                )
    return findings
