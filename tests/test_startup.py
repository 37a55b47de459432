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


# --- pydantic's plugin loader: a stand-in that skips importing importlib.metadata while plugins are off ---


def test_a_cold_check_never_imports_importlib_metadata_and_uses_the_stand_in_only_for_checked_versions() -> None:
    script = (
        "import sys; from compliance.cli import main\n"
        f"try:\n    main(['check', {str(PLAN)!r}])\nexcept SystemExit:\n    pass\n"
        "import pydantic.version, compliance.cli.startup as s\n"
        "loader = sys.modules['pydantic.plugin._loader']\n"
        "print(pydantic.version.VERSION in s.PLUGINS_CHECKED, getattr(loader, '_compliance_stand_in', False),"
        " 'importlib.metadata' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    checked, stand_in, metadata = result.stderr.split()[-3:]
    assert stand_in == checked  # a pydantic version nobody checked: its own loader, untouched
    if checked == "True":
        assert metadata == "False"


@pytest.mark.parametrize("value", [None, "", "__all__", "1", "true", "some-plugin", "false"])
def test_the_stand_in_gives_what_pydantic_s_own_loader_gives(value: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    import pydantic.plugin._schema_validator  # noqa: F401  (the module that asks the loader)

    from compliance.cli import startup

    if value is None:
        monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    else:
        monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", value)
    if startup.PLUGIN_LOADER in sys.modules:  # whatever this process has (a command run before may have put the stand-in)
        monkeypatch.setitem(sys.modules, startup.PLUGIN_LOADER, sys.modules[startup.PLUGIN_LOADER])
    real = startup._real_plugin_loader()
    assert not getattr(real, "_compliance_stand_in", False)
    expected = list(real.get_plugins())
    monkeypatch.delitem(sys.modules, startup.PLUGIN_LOADER)
    monkeypatch.setattr(startup, "PLUGINS_CHECKED", frozenset({__import__("pydantic.version").version.VERSION}))
    assert startup.skip_plugin_discovery()
    stand_in = sys.modules[startup.PLUGIN_LOADER]
    assert stand_in._compliance_stand_in
    assert list(stand_in.get_plugins()) == expected
    if value in startup.PLUGINS_OFF:
        assert sys.modules[startup.PLUGIN_LOADER] is stand_in  # nothing to load: the real module is not imported
    else:
        assert sys.modules[startup.PLUGIN_LOADER] is not stand_in  # plugins wanted: the real module answers from now on
        assert sys.modules[startup.PLUGIN_LOADER].get_plugins is not startup._get_plugins
    sys.modules[startup.PLUGIN_LOADER] = stand_in
    with pytest.raises(AttributeError):
        stand_in.__path__  # noqa: B018  (the import system's questions get a module's answers, not the real import)
    assert sys.modules[startup.PLUGIN_LOADER] is stand_in
    assert stand_in.PYDANTIC_ENTRY_POINT_GROUP == real.PYDANTIC_ENTRY_POINT_GROUP  # any other name: the real module's


def test_the_stand_in_is_never_put_over_a_loaded_loader_nor_for_an_unchecked_version(monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance.cli import startup

    if startup.PLUGIN_LOADER in sys.modules:
        monkeypatch.setitem(sys.modules, startup.PLUGIN_LOADER, sys.modules[startup.PLUGIN_LOADER])
    real = startup._real_plugin_loader()
    assert not startup.skip_plugin_discovery()
    assert sys.modules[startup.PLUGIN_LOADER] is real
    monkeypatch.delitem(sys.modules, startup.PLUGIN_LOADER)
    monkeypatch.setattr(startup, "PLUGINS_CHECKED", frozenset({"0.0.0"}))
    assert not startup.skip_plugin_discovery()
    assert startup.PLUGIN_LOADER not in sys.modules


def test_each_input_of_a_batch_is_loaded_checked_and_let_go_with_the_collector_paused(monkeypatch, tmp_path) -> None:
    """compliance.batch: no collection scans a plan's objects while it lives; the collector is on again after
    each input, a broken one too, and a garbage cycle made meanwhile is still collected."""
    import compliance.batch as batch
    import compliance.checking as checking

    seen: list[bool] = []
    real_check = checking.check

    def check(*args, **kwargs):  # noqa: ANN002, ANN003 - records the collector's state while a plan is checked
        seen.append(gc.isenabled())
        cycle: list[object] = []
        cycle.append(cycle)  # a garbage cycle made by the work
        return real_check(*args, **kwargs)

    monkeypatch.setattr(checking, "check", check)
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: compliance-plan/1\nplan: [\n", encoding="utf-8")
    results: list[object] = []
    from compliance.config import load_settings
    from compliance.references import ReferenceLibrary

    job = batch._Job(ReferenceLibrary.load(), load_settings({}, config_file=False, environ={}), {}, {})
    for file in (PLAN, broken, PLAN):
        results.extend(batch._check_file(file, job))
        assert gc.isenabled()
    assert seen == [False, False]
    assert isinstance(results[1], batch.InputFailure) and results[0].plan.label == results[2].plan.label
    assert gc.collect() >= 2  # the cycles, collected as usual once the collector runs
