"""The user's files: never overwritten without --force, never the input, written atomically; the machine's refusals are exit 2 with a hint.

Reproduces defects 6, 9 and 15 of issue 10 (and the -o half of issue 8).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main

ROOT = Path(__file__).resolve().parent.parent
XINPING = ROOT / "examples" / "texts" / "xinping-county-women-children-2021-2030.txt"
PLAN = ROOT / "examples" / "plans" / "xinping-women-2021-2030.yaml"
ONE_PLAN = (
    "某某县妇女发展规划（2021—2030年）\n（一）妇女与健康\n主要目标：\n"
    "1．孕产妇死亡率控制在8/10万以下。\n2．妇女常见病定期筛查率达到80%以上。\n"
)
PLACE = ["--jurisdiction", "云南省/玉溪市/新平县", "--level", "county"]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(ONE_PLAN, encoding="utf-8")
    return path


def no_internal_error(code: int, output: str) -> None:
    assert code == 2, output
    assert "internal error" not in output and "Traceback" not in output
    assert "(" in output  # every message carries its hint in brackets


# ---------------------------------------------------------------- -o never destroys a file


def test_o_through_a_symbolic_link_onto_the_input_is_refused(document: Path) -> None:
    link = document.parent / "plan.yaml"
    link.symlink_to(document)
    for force in ([], ["--force"]):
        code, output = run("extract", str(document), *PLACE, "-o", str(link), *force)
        no_internal_error(code, output)
        assert "this is the input" in output
    assert document.read_text(encoding="utf-8") == ONE_PLAN


def test_o_onto_the_input_itself_is_refused(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    code, output = run("check", str(plan), "-o", str(plan), "--force")
    no_internal_error(code, output)
    assert plan.read_text(encoding="utf-8") == PLAN.read_text(encoding="utf-8")


def test_an_existing_hand_written_plan_file_is_kept_without_force(document: Path) -> None:
    mine = document.parent / "mine.yaml"
    mine.write_text("# reviewed by hand\n", encoding="utf-8")
    code, output = run("extract", str(document), *PLACE, "-o", str(mine))
    no_internal_error(code, output)
    assert "already exists" in output and "--force" in output
    assert mine.read_text(encoding="utf-8") == "# reviewed by hand\n"
    code, output = run("extract", str(document), *PLACE, "-o", str(mine), "--force")
    assert code == 0, output
    assert "孕产妇死亡率" in mine.read_text(encoding="utf-8")


def test_extract_speaks_the_language_asked_for(document: Path) -> None:
    """`extract --lang` as `check --lang`: a drafter's refusal in Chinese, a script's in English."""
    mine = document.parent / "mine.yaml"
    mine.write_text("# reviewed by hand\n", encoding="utf-8")
    code, output = run("extract", str(document), *PLACE, "-o", str(mine), "--lang", "zh")
    assert code == 2 and "Traceback" not in output
    assert "已存在" in output and "（如需替换请加 --force" in output and "already exists" not in output
    code, output = run("extract", str(document), *PLACE, "-o", str(mine), "--lang", "en")
    no_internal_error(code, output)
    assert "already exists" in output


def test_a_reviewed_plan_in_the_output_folder_is_kept_without_force(document: Path) -> None:
    folder = document.parent / "plans"
    folder.mkdir()
    reviewed = folder / "draft-women.yaml"
    reviewed.write_text("# reviewed\n", encoding="utf-8")
    code, output = run("extract", str(document), *PLACE, "-o", str(folder))
    no_internal_error(code, output)
    assert reviewed.read_text(encoding="utf-8") == "# reviewed\n"


# trial defects 9 (check -o onto an input, whatever --force), 10 (extract -o's ordinary mistakes), 25 (names)


def test_check_o_onto_a_plan_of_a_checked_folder_is_refused_even_with_force(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    plan = folder / "秀洲区-women.yaml"
    plan.write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    code, output = run("check", str(folder), "-o", str(plan), "--force")
    no_internal_error(code, output)
    assert "this is the input" in output
    assert plan.read_text(encoding="utf-8") == PLAN.read_text(encoding="utf-8")


@pytest.mark.parametrize("format_name, name", [("text", "report.txt"), ("markdown", "report.md"), ("json", "report.json"),
                                              ("html", "report.html"), ("xlsx", "report.xlsx"), ("github", "report.txt")])
def test_check_o_the_report_of_an_earlier_run_in_the_folder_is_skipped_and_replaced_with_force(
    tmp_path: Path, format_name: str, name: str
) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "plan.yaml").write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    report = folder / name
    code, output = run("check", str(folder), "--format", format_name, "-o", str(report))
    assert code in (0, 1), output
    earlier = report.read_bytes()
    code, output = run("check", str(folder), "--format", format_name, "-o", str(report))
    no_internal_error(code, output)
    assert "already exists" in output
    assert report.read_bytes() == earlier
    code, output = run("check", str(folder), "--format", format_name, "-o", str(report), "--force")
    assert code in (0, 1), output
    assert report.exists()  # the earlier report was no input: the batch read plan.yaml alone and replaced it


@pytest.mark.parametrize("name", ["draft.txt", "draft.md"])
def test_check_o_onto_a_plan_document_of_the_folder_is_refused_even_with_force(tmp_path: Path, name: str) -> None:
    """`check plans/ -o plans/draft.txt --force`: the draft is an input of the batch, not a report of an earlier run."""
    folder = tmp_path / "plans"
    folder.mkdir()
    draft = folder / name
    draft.write_text(ONE_PLAN, encoding="utf-8")
    for force in ([], ["--force"]):
        code, output = run("check", str(folder), *PLACE, "-o", str(draft), *force)
        no_internal_error(code, output)
        assert code == 2, output
        assert "this is the input" in output, output
        assert draft.read_text(encoding="utf-8") == ONE_PLAN


@pytest.mark.parametrize("name", ["copy.txt", "copy.md"])
def test_extract_o_onto_the_document_itself_is_refused_as_the_input(tmp_path: Path, name: str) -> None:
    document = tmp_path / name
    document.write_text(ONE_PLAN, encoding="utf-8")
    for force in ([], ["--force"]):
        code, output = run("extract", str(document), *PLACE, "-o", str(document), *force)
        no_internal_error(code, output)
        assert "this is the input" in output
    assert document.read_text(encoding="utf-8") == ONE_PLAN


def test_extract_o_a_folder_named_like_a_plan_file_is_refused(document: Path) -> None:
    folder = document.parent / "d.yaml"
    folder.mkdir()
    code, output = run("extract", str(document), *PLACE, "-o", str(folder))
    no_internal_error(code, output)
    assert "is a folder" in output
    assert list(folder.iterdir()) == []


def test_extract_o_a_name_that_is_no_plan_file_is_refused_and_no_folder_made(document: Path) -> None:
    target = document.parent / "newout.txt"
    code, output = run("extract", str(document), *PLACE, "-o", str(target))
    no_internal_error(code, output)
    assert "is not a plan file name" in output and "newout.txt/" in output
    assert not target.exists()  # it used to be created as a folder
    code, output = run("extract", str(document), *PLACE, "-o", f"{target}/")
    assert code == 0, output
    assert (target / "draft-women.yaml").is_file()


@pytest.mark.parametrize(("stem", "written"), [("秀洲区-women", "秀洲区-women.yaml"), ("秀洲区_women", "秀洲区_women.yaml"),
                                              ("秀洲区", "秀洲区-women.yaml"), ("womenfolk", "womenfolk-women.yaml")])
def test_a_document_whose_name_says_its_kind_gives_a_plan_file_that_says_it_once(
    tmp_path: Path, stem: str, written: str
) -> None:
    document = tmp_path / f"{stem}.txt"
    document.write_text(ONE_PLAN, encoding="utf-8")
    code, output = run("extract", str(document), *PLACE, "-o", f"{tmp_path / 'plans'}/")
    assert code == 0, output
    assert [p.name for p in (tmp_path / "plans").iterdir()] == [written]  # not 秀洲区-women-women.yaml


def test_a_link_to_another_file_is_followed_and_stays_a_link(document: Path) -> None:
    real = document.parent / "real.yaml"
    real.write_text("old\n", encoding="utf-8")
    link = document.parent / "link.yaml"
    link.symlink_to(real)
    code, output = run("extract", str(document), *PLACE, "-o", str(link), "--force")
    assert code == 0, output
    assert link.is_symlink() and "孕产妇死亡率" in real.read_text(encoding="utf-8")


def test_a_failed_write_leaves_the_old_file_whole_and_no_temporary_file(document: Path, monkeypatch) -> None:
    import compliance.files

    target = document.parent / "plan.yaml"
    target.write_text("old\n", encoding="utf-8")

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(compliance.files.os, "fsync", full)
    code, output = run("extract", str(document), *PLACE, "-o", str(target), "--force")
    no_internal_error(code, output)
    assert "the disk is full" in output
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in document.parent.iterdir()) == ["draft.txt", "plan.yaml"]


def test_o_plan_json_writes_a_json_plan_file(document: Path) -> None:
    target = document.parent / "plan.json"
    code, output = run("extract", str(document), *PLACE, "-o", str(target))
    assert code == 0, output
    assert target.is_file()  # it used to be created as a directory
    code, output = run("validate", str(target))
    assert code == 0 and "valid" in output, output


def test_o_with_an_empty_name_writes_nothing(document: Path, monkeypatch) -> None:
    monkeypatch.chdir(document.parent)
    code, output = run("extract", str(document), *PLACE, "-o", "")
    no_internal_error(code, output)
    assert "empty name" in output
    assert [p.name for p in document.parent.iterdir()] == ["draft.txt"]


def test_two_plans_are_never_written_to_one_file() -> None:
    from compliance.files import plan_outputs

    outputs = plan_outputs("/tmp/compliance-never-written/", ["x-women.yaml", "x-women.yaml", "x-children.yaml"])
    assert [o.path.name for o in outputs] == ["x-women.yaml", "x-women-2.yaml", "x-children.yaml"]


def test_several_plans_to_one_file_are_refused(tmp_path: Path) -> None:
    code, output = run("extract", str(XINPING), "-o", str(tmp_path / "one.yaml"))
    no_internal_error(code, output)
    assert "holds 2 plans" in output and not (tmp_path / "one.yaml").exists()


# ---------------------------------------------------------------- the machine's refusals


def test_missing_output_folder(document: Path) -> None:
    code, output = run("extract", str(document), *PLACE, "-o", str(document.parent / "nowhere" / "plan.yaml"))
    no_internal_error(code, output)
    assert "does not exist" in output and "mkdir -p" in output


def test_output_path_through_a_file(document: Path) -> None:
    code, output = run("extract", str(document), *PLACE, "-o", str(document / "plan.yaml"))
    no_internal_error(code, output)


def test_output_is_a_folder_for_a_report(document: Path) -> None:
    code, output = run("check", str(PLAN), "-o", str(document.parent))
    no_internal_error(code, output)
    assert "is a folder" in output


def test_a_name_too_long(document: Path) -> None:
    code, output = run("extract", str(document), *PLACE, "-o", str(document.parent / ("长" * 200 + ".yaml")))
    no_internal_error(code, output)
    assert "too long" in output


@pytest.mark.parametrize("command", [["validate"], ["check"], ["extract", *PLACE]])
def test_input_that_is_a_folder_or_missing(tmp_path: Path, command: list[str]) -> None:
    suffix = ".txt" if command[0] == "extract" else ".yaml"
    for path in (tmp_path, tmp_path / f"absent{suffix}", tmp_path / "draft.txt" / f"x{suffix}"):
        code, output = run(*command, str(path))
        assert code == 2 and "internal error" not in output and "Traceback" not in output, output


def test_a_fifo_is_refused_instead_of_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    code, output = run("validate", str(fifo))  # used to wait forever for a writer
    no_internal_error(code, output)
    assert "named pipe" in output
    fifo_doc = tmp_path / "draft.txt"
    os.mkfifo(fifo_doc)
    code, output = run("extract", str(fifo_doc), *PLACE)
    no_internal_error(code, output)


def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "draft.txt"
    link.symlink_to("/dev/zero")  # used to end in a MemoryError
    code, output = run("extract", str(link), *PLACE)
    no_internal_error(code, output)
    assert "is a device" in output


def test_a_symbolic_link_loop_is_no_missing_file(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.symlink_to(b)
    b.symlink_to(a)
    code, output = run("validate", str(a))
    no_internal_error(code, output)
    assert "links of this path loop back" in output
    c, d = tmp_path / "c.txt", tmp_path / "d.txt"
    c.symlink_to(d)
    d.symlink_to(c)
    code, output = run("extract", str(c), *PLACE)  # was "no such file"
    no_internal_error(code, output)
    assert "links of this path loop back" in output and "no such file" not in output


def test_permission_denied_on_reading(document: Path, monkeypatch) -> None:
    real_open = os.open

    def refuse(path, *args, **kwargs):  # the tests may run as root, who may read anything
        if str(path) == str(document):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    code, output = run("extract", str(document), *PLACE)
    no_internal_error(code, output)
    assert "permission denied" in output


def test_permission_denied_on_writing(document: Path, monkeypatch) -> None:
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if Path(path) == document.parent else real_access(path, mode))
    code, output = run("extract", str(document), *PLACE, "-o", str(document.parent / "plan.yaml"))
    no_internal_error(code, output)
    assert "permission denied" in output


def test_an_os_error_anywhere_is_exit_2_with_a_hint(monkeypatch) -> None:
    import compliance.cli.inspect

    def broken(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error", "plan.yaml")

    monkeypatch.setattr("compliance.loading.plans.load_plan", broken)
    code, output = run("validate", "plan.yaml")
    no_internal_error(code, output)
    assert compliance.cli.inspect  # the command module that was run


# ---------------------------------------------------------------- options no plan can hold


@pytest.mark.parametrize("period, meant", [("2030-2021", "2021-2030"), ("2025—2021", "2021-2025")])
def test_a_reversed_period_is_refused_with_the_period_meant(document: Path, period: str, meant: str) -> None:
    for command in ("extract", "check"):
        code, output = run(command, str(document), *PLACE, "--period", period)
        assert code == 2, output
        assert f"did you mean {meant}?" in output, output


def test_a_reversed_period_in_a_plan_file_has_a_hint(tmp_path: Path) -> None:
    from compliance.errors import InputError
    from compliance.loading.plans import load_plan

    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.read_text(encoding="utf-8").replace("period: [2021, 2030]", "period: [2030, 2021]"), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_plan(path)
    problem = next(p for p in raised.value.problems if "before it starts" in p.message)
    assert problem.hint and "[2021, 2030]" in problem.hint


@pytest.mark.parametrize("period", ["1800-1900", "2021-2200", "1900-2030"])
def test_a_period_no_plan_has_is_a_usage_error_not_a_report_plea(document: Path, period: str) -> None:
    for command in ("extract", "check"):
        code, output = run(command, str(document), *PLACE, "--period", period)
        assert code == 2, output
        assert "is not a period of a plan: plans are dated 1949 to 2100" in output
        assert "please report" not in output


def test_a_file_is_read_whole_to_its_limit_and_refused_beyond_even_when_it_grew_after_stat(
    tmp_path: Path, monkeypatch
) -> None:
    """compliance.files.read_bytes reads what stat() said and one byte more, not a buffer of the whole limit."""
    from compliance.errors import InputError
    from compliance.files import read_bytes

    for size in (0, 1, 9, 10):
        (tmp_path / f"{size}.txt").write_bytes(b"x" * size)
        assert read_bytes(tmp_path / f"{size}.txt", limit=10) == b"x" * size
    (tmp_path / "11.txt").write_bytes(b"x" * 11)
    with pytest.raises(InputError):
        read_bytes(tmp_path / "11.txt", limit=10)
    grown = tmp_path / "grown.txt"
    grown.write_bytes(b"x" * 8)
    real_fstat = os.fstat

    def fstat_then_grow(descriptor: int) -> os.stat_result:  # the file is appended to between fstat() and read()
        info = real_fstat(descriptor)
        with open(grown, "ab") as stream:
            stream.write(b"y" * grown_by)
        return info

    monkeypatch.setattr(os, "fstat", fstat_then_grow)
    grown_by = 2
    assert read_bytes(grown, limit=10) == b"x" * 8 + b"yy"
    grown.write_bytes(b"x" * 8)
    grown_by = 3
    with pytest.raises(InputError):
        read_bytes(grown, limit=10)
