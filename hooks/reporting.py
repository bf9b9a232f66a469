"""Where editors' findings and withheld-story notices are printed during a build.

`mkdocs build --strict` fails on any warning logged through MkDocs' own logger. Content warnings
must be shown without failing the build, so they go to a separate logger with its own handler;
content *errors* are raised as MkDocs errors instead, which do fail it.
"""

from __future__ import annotations

import logging
import sys

_content_log = logging.getLogger("lrp.content")
if not _content_log.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    _content_log.addHandler(_handler)
    _content_log.setLevel(logging.INFO)
    _content_log.propagate = False


def content_warning(message: str) -> None:
    _content_log.warning(message)


def content_info(message: str) -> None:
    _content_log.info(message)
