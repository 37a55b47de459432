"""A command's set-up runs with the cyclic collector paused, and leaves it on, as it found it (compliance.cli.startup)."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.errors import InputError
from compliance.cli.startup import collector_paused

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "plans" / "jinan-shizhong-women-2021-2025.yaml"


def test_the_collector_is_off_while_paused_and_back_on_after_even_on_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with collector_paused():
            assert not gc.isenabled()
            with collector_paused():  # nested: still off inside, on again only at the outer end
                pass
            assert not gc.isenabled()
            raise RuntimeError("set-up failed")
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_command_process_freezes_what_its_set_up_made_and_collects_again() -> None:
    script = (
        "import gc, sys; from compliance.cli import main\n"
        "frozen = gc.get_freeze_count()\n"
        f"try:\n    main(['check', {str(PLAN)!r}])\nexcept SystemExit:\n    pass\n"
        "print(frozen > 0, gc.get_freeze_count() > frozen, gc.isenabled(), file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.stderr.split() == ["True", "True", "True"]  # the imports, then the settings and references


def test_later_commands_of_one_process_freeze_nothing_and_leave_the_collector_on() -> None:
    runner = CliRunner()
    runner.invoke(main, ["check", str(PLAN)])  # the first command of this process may have frozen its set-up
    frozen = gc.get_freeze_count()
    for _ in range(2):
        result = runner.invoke(main, ["check", str(PLAN)])
        assert result.exit_code in (0, 1), result.output
        assert gc.isenabled()
        assert gc.get_freeze_count() <= frozen  # (frozen objects may still be freed) no garbage of earlier commands (or tests) kept for ever


def test_a_plan_is_loaded_with_the_collector_paused_and_it_is_on_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plan's thousands of objects are not scanned again and again while they are made (compliance.collector)."""
    from compliance.loading import plans

    seen: list[bool] = []
    build = plans.plan_from_document

    def watched(document: object) -> object:
        seen.append(gc.isenabled())
        return build(document)  # type: ignore[arg-type]

    monkeypatch.setattr(plans, "plan_from_document", watched)
    assert plans.load_plan(PLAN).targets
    assert seen == [False]
    assert gc.isenabled()
    with pytest.raises(InputError):  # a refused file too leaves the collector on
        plans.loads_plan("format: compliance-plan/1\n", "bad.yaml")
    assert gc.isenabled()


def test_a_garbage_cycle_made_while_paused_is_collected_once_the_collector_is_on() -> None:
    import weakref

    from compliance.collector import paused

    class Node:
        itself: object = None

    with paused():
        node = Node()
        node.itself = node  # a cycle: never freed by its reference counts
        alive = weakref.ref(node)
        del node
        assert alive() is not None
    garbage = [[] for _ in range(100_000)]  # the collector, on again, runs by itself as containers are made
    del garbage
    assert alive() is None
