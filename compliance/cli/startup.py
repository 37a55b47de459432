"""What a command does before its work: kept apart so that the package imports it before anything else."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

_finished = 0  # commands this process has run to their end (compliance.cli.app's group counts them)


def command_finished() -> None:
    global _finished
    _finished += 1


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a command sets up (imports, settings, references), then back on.

    Setting up makes a hundred thousand objects that live as long as the process
    (modules, classes, functions, the unpickled references and catalogue); the
    collector would scan them again and again as more are made, about a tenth
    of a cold check's CPU time. In a process's first command, what was made is
    then frozen (`gc.freeze`: never scanned again, as `compliance.batch` does
    before forking; re-enabling alone would only defer the scans) and the
    collector is back on for the work itself, so a long batch or a large
    document is collected as usual. A process that runs many commands (a test
    suite with click's runner) freezes only before its first has finished, so
    no later garbage is kept. Nests; a collector that was off (a caller's
    choice) stays off.
    """
    from compliance.collector import paused

    with paused(freeze=not _finished):
        yield


# --- pydantic's plugin discovery, skipped when plugins are off ------------------------------------------
#
# pydantic calls `pydantic.plugin._loader.get_plugins()` each time it builds a validator. That function
# first returns () when PYDANTIC_DISABLE_PLUGINS is __all__, 1 or true (the command sets __all__: it has
# no plugin to run), and only otherwise reads every installed package's entry points. But its module
# imports `importlib.metadata` at its top (with email, zipfile, csv…: about 12 ms of a cold check's CPU)
# before that first test is made. A stand-in module makes the same first test and, whenever plugins are
# not off, hands every call (and every other name) to the real module, imported then: what pydantic gets
# is what the real module would give. `_loader` is a pydantic internal: the stand-in is used only with
# the pydantic versions it was checked against (tests/test_startup.py compares it with the real module),
# and never when the real module is already loaded.

PLUGIN_LOADER = "pydantic.plugin._loader"
PLUGINS_CHECKED = frozenset({"2.14.4"})  # pydantic versions whose _loader.get_plugins the stand-in was checked against
PLUGINS_OFF = ("__all__", "1", "true")  # the values of PYDANTIC_DISABLE_PLUGINS that _loader reads as "none"


def _real_plugin_loader() -> ModuleType:
    """The real `pydantic.plugin._loader`, in place of the stand-in from now on."""
    import importlib

    if getattr(sys.modules.get(PLUGIN_LOADER), "_compliance_stand_in", False):
        del sys.modules[PLUGIN_LOADER]
    return importlib.import_module(PLUGIN_LOADER)


def _get_plugins() -> Iterable[Any]:
    """`get_plugins()` as pydantic's: none while PYDANTIC_DISABLE_PLUGINS says so, else the real module's answer."""
    if os.getenv("PYDANTIC_DISABLE_PLUGINS") in PLUGINS_OFF:
        return ()
    return _real_plugin_loader().get_plugins()  # type: ignore[no-any-return]


def _loader_attribute(name: str) -> Any:
    """Any other name of the module, from the real one (not a module's own `__path__`…, that the import system asks)."""
    if name.startswith("__") and name.endswith("__"):
        raise AttributeError(name)
    return getattr(_real_plugin_loader(), name)


def skip_plugin_discovery() -> bool:
    """Put the stand-in for pydantic's plugin loader in place (see above); False when it is not used."""
    if PLUGIN_LOADER in sys.modules:
        return False
    try:
        from pydantic.version import VERSION

        if VERSION not in PLUGINS_CHECKED:
            return False
        stand_in = ModuleType(PLUGIN_LOADER, "compliance's stand-in for pydantic's plugin loader (compliance.cli.startup)")
        stand_in.get_plugins = _get_plugins  # type: ignore[attr-defined]
        stand_in.__getattr__ = _loader_attribute  # type: ignore[attr-defined]
        stand_in._compliance_stand_in = True  # type: ignore[attr-defined]
        sys.modules[PLUGIN_LOADER] = stand_in
        return True
    except Exception:  # noqa: BLE001 - any surprise: pydantic's own loader, as without the stand-in
        return False
