"""click's own words (usage errors, help headings) in the user's language.

click marks its messages for gettext (`from gettext import gettext as _` in
each of its modules) and formats them after translating, so a translation only
has to give the same template in Chinese. The Chinese templates are data,
keyed by click's English text: `rules/messages/click.zh.yaml`. `install()`
points click's `_` and `ngettext` at `translate` when a command starts (the
catalogue is read only the first time a Chinese text is asked for); in English
click's own text is returned unchanged. tests/test_messages.py runs the usage
errors in Chinese, so a click release that words a message differently shows
up there.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import Any

FORMAT = "compliance-click-messages/1"
_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils")


def translate(message: str) -> str:
    """click's `message` in the current language (unchanged in English, or when the catalogue lacks it)."""
    from compliance.messages import language

    if language() != "zh":
        return message
    return _chinese().get(message, message)


def translate_plural(singular: str, plural: str, count: int) -> str:
    return translate(singular if count == 1 else plural)


def install() -> None:
    """Point click's gettext functions at ours (idempotent; cheap: nothing is read until a Chinese text is needed)."""
    for name in _MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = translate  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = translate_plural  # type: ignore[attr-defined]


@cache
def _chinese() -> dict[str, str]:
    from compliance.errors import InputError
    from compliance.loading.yamlfile import read_yaml
    from compliance.resources import rules_file

    path = rules_file("messages/click.zh.yaml")
    data: Any = read_yaml(path).data
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("messages"), dict):
        from compliance.messages import text

        raise InputError.single(str(path), text("rules-files.messages-shape", format=FORMAT))
    return {str(k): str(v) for k, v in data["messages"].items()}
