"""A reader whose package is missing (a trimmed or broken install) names the file, the format and what to
install — never an ImportError's traceback, and never a misleading "damaged file".

Each format's reader imports its package only when a file of that format is read (start-up stays lean), through
`compliance.reading.needs`; here the package is hidden from the import system and the file is read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.errors import InputError
from compliance.reading import read_document

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# suffix, the bytes of a file that looks like that format, the modules hidden, the package named
CASES = [
    (".docx", b"PK\x03\x04 not really a package", ("docx",), "python-docx"),
    (".pptx", b"PK\x03\x04 not really a package", ("pptx",), "python-pptx"),
    (".odt", b"PK\x03\x04 not really a package", ("odfdo",), "odfdo"),
    (".srt", "1\n00:00:01,000 --> 00:00:04,000\n新生儿死亡率降至3‰以下\n".encode(), ("pysubs2",), "pysubs2"),
    (".xlsx", b"PK\x03\x04 not really a package", ("openpyxl",), "openpyxl"),
    (".xls", _OLE + b"\x00" * 504, ("xlrd",), "xlrd"),
    (".pdf", b"%PDF-1.4\n%%EOF\n", ("pypdfium2",), "pypdfium2"),
    (".rtf", r"{\rtf1\ansi 2025年目标}".encode(), ("striprtf", "striprtf.striprtf"), "striprtf"),
    (".html", "<html><body><p>孕产妇死亡率控制在10/10万以下</p></body></html>".encode(), ("lxml", "lxml.html"), "lxml"),
]


def _hide(monkeypatch: pytest.MonkeyPatch, modules: tuple[str, ...]) -> None:
    for name in list(sys.modules):
        if any(name == m or name.startswith(m + ".") for m in modules):
            monkeypatch.delitem(sys.modules, name)
    for name in modules:
        monkeypatch.setitem(sys.modules, name, None)  # `import name` now raises ImportError


@pytest.mark.parametrize(("suffix", "content", "modules", "package"), CASES, ids=[c[0] for c in CASES])
def test_a_missing_package_is_an_input_error_naming_file_and_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, content: bytes, modules: tuple[str, ...], package: str
) -> None:
    path = tmp_path / f"某县儿童发展规划{suffix}"
    path.write_bytes(content)
    _hide(monkeypatch, modules)
    with pytest.raises(InputError) as raised:
        read_document(path)
    shown = str(raised.value)
    assert path.name in shown
    assert package in shown
    assert f"pip install {package}" in shown


def test_the_cli_exits_2_in_chinese_with_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "某县妇女发展规划.docx"
    path.write_bytes(b"PK\x03\x04 not really a package")
    _hide(monkeypatch, ("docx",))
    result = CliRunner(env={"COMPLIANCE_LANG": "zh"}).invoke(main, ["extract", str(path)])
    assert result.exit_code == 2, result.output
    assert "需要安装 python-docx" in result.output
    assert "pip install python-docx" in result.output
    assert "Traceback" not in result.output
