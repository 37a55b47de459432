"""E-mails saved as .eml: plans as they reach a reviewer inside MIME (Word's .mht: tests/test_reading_mhtml.py).

Each test composes its e-mail with the standard library (tests/mails.py: the bytes and headers Chinese mailers
write — gb2312 declared over GBK's bytes, RFC 2047 encoded words, base64 and quoted-printable bodies) around an
invented county plan, and asserts what is read: the plan's targets, each located in its part (邮件正文 第9行,
附件“某某县妇女发展规划.docx” 第6段), the Subject and the attachments' names weighed as a file's name, one part of a
multipart/alternative, never both, and a clear refusal (exit 2) for what holds no plan. The two e-mails kept in
tests/data/mail/ (a GBK base64 forward of 新平县's plans, 市中区's plans as a .docx attachment) must give the plans
of the texts they were made from (tests/data/mail/make.py), and `check` the same findings.
"""

from __future__ import annotations

import email
import email.policy
import json
import re
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.errors import InputError
from compliance.extraction import extract

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from mails import as_bytes, leaf, mail, multipart, words  # noqa: E402
from makedocs import text_to_docx, text_to_pdf  # noqa: E402
from sameplans import assert_same_plans  # noqa: E402
from test_extraction_mail_forwards import COVER, EXPECTED, PLAN  # noqa: E402

TITLE = "某某县妇女发展规划（2021—2025年）"  # — is A1AA in GBK, which Python's gb2312 codec reads as ―
NOTE = ["市妇儿工委办：", "    现将我县规划转发备案。孕产妇死亡率一项市规划是≤8/10万。有问题请联系0571-8123****。", "", "李**", "2022-05-09"]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ZH = {"COMPLIANCE_LANG": "zh"}


def _plain(lines: list[str], charset: str = "gb2312", codec: str = "gbk", cte: str = "base64") -> email.message.Message:
    return leaf(f'text/plain; charset="{charset}"', "\r\n".join(lines).encode(codec), cte)


def _html(lines: list[str], charset: str = "gb2312") -> email.message.Message:
    page = "<html><body>" + "".join(f"<p>{line or '&nbsp;'}</p>" for line in lines) + "</body></html>"
    return leaf(f'text/html; charset="{charset}"', page.encode("gbk"), "quoted-printable")


def _save(tmp_path: Path, message: email.message.Message, name: str = "mail.eml") -> Path:
    path = tmp_path / name
    path.write_bytes(as_bytes(message))
    return path


def _only(path: Path) -> tuple[object, list[tuple[str, str, object]], list[str]]:
    plans = extract(path)
    assert len(plans) == 1
    plan = plans[0]
    return plan, [(t.domain, t.indicator, t.target.value) for t in plan.targets], [t.locator or "" for t in plan.targets]


def _attachment(kind: str, data: bytes, name: str) -> email.message.Message:
    encoded = words(name)
    return leaf(f'{kind}; name="{encoded}"', data, filename=encoded)


# --------------------------------------------------------------------------- bodies: charsets and encodings


@pytest.mark.parametrize(
    ("charset", "codec", "cte"),
    [
        ("gb2312", "gbk", "base64"),  # GBK's bytes under gb2312, as every Chinese mailer writes them
        ("gbk", "gbk", "quoted-printable"),
        ("gb18030", "gb18030", "base64"),
        ("utf-8", "utf-8", "quoted-printable"),
        ("utf-8", "gbk", "base64"),  # declared wrongly: GBK's bytes under utf-8
        ("gb2312", "utf-8", "base64"),  # declared wrongly: UTF-8's bytes under gb2312
        ("iso-8859-1", "gbk", "quoted-printable"),  # a mailer's Western default over GBK's bytes
    ],
)
def test_a_plan_in_the_body_in_any_charset(tmp_path: Path, charset: str, codec: str, cte: str) -> None:
    path = _save(tmp_path, mail(_plain(PLAN, charset, codec, cte), words("某某县妇女发展规划")))
    plan, found, locators = _only(path)
    assert plan.plan.title == TITLE
    assert found == EXPECTED
    first = PLAN.index("    1.孕产妇死亡率控制在9/10万以下。") + 1
    assert locators[0] == f"邮件正文 第{first}行"  # the line of the decoded body


def test_a_plan_forwarded_in_the_body_quoted_with_marks(tmp_path: Path) -> None:
    """The .txt reader's quote marks (`> `) apply to a body: the forward of tests/test_extraction_mail_forwards.py."""
    quoted = [f"> {row}" if row else ">" for row in PLAN]
    lines = [*COVER[6:], "---------- 转发的邮件 ----------", "发件人: 县政府办公室 <zfb@example.cn>", *quoted]
    path = _save(tmp_path, mail(_plain(lines, cte="quoted-printable"), words("转发：某某县妇女发展规划（2021—2025年）请备案")))
    plan, found, _ = _only(path)
    assert plan.plan.title == TITLE and found == EXPECTED and plan.unparsed == []


# --------------------------------------------------------------------------- headers: the Subject as evidence


@pytest.mark.parametrize(
    "subject",
    [
        words("转发：关于印发某某县妇女发展规划（2021—2025年）的通知"),  # GB2312, base64, GBK's bytes
        words("Fwd: 某某县妇女发展规划（2021—2025年）请审核", "utf-8", "Q", "utf-8"),
    ],
    ids=["gb2312-b", "utf-8-q"],
)
def test_the_subject_names_a_plan_that_gives_no_title(tmp_path: Path, subject: str) -> None:
    body = [line.strip() for line in PLAN[6:]]  # the plan's text from its first domain: no title, no years
    path = _save(tmp_path, mail(_plain(NOTE + [""] + body), subject))
    plan, found, _ = _only(path)
    assert plan.plan.title == TITLE and tuple(plan.plan.period) == (2021, 2025)
    assert "邮件主题" in plan.plan.inferred_from["title"] or "subject" in plan.plan.inferred_from["title"]
    assert found == EXPECTED


# --------------------------------------------------------------------------- multipart/alternative: one part


def test_alternative_reads_the_plain_text_not_both(tmp_path: Path) -> None:
    body = multipart("alternative", [_plain(PLAN), _html(PLAN)])
    plan, found, locators = _only(_save(tmp_path, mail(body, words(TITLE))))
    assert found == EXPECTED  # each target once: the HTML's copy is not read beside the text
    assert all(re.fullmatch(r"邮件正文 第\d+行", loc) for loc in locators)


@pytest.mark.parametrize(
    "plain",
    [[], ["此邮件为 HTML 格式，请使用支持 HTML 的邮件客户端查看。"], ["请查收规划。"]],
    ids=["empty", "stub-phrase", "much-shorter"],
)
def test_alternative_reads_the_html_when_the_text_is_empty_or_a_stub(tmp_path: Path, plain: list[str]) -> None:
    body = multipart("alternative", [_plain(plain), _html(PLAN)])
    plan, found, locators = _only(_save(tmp_path, mail(body, words(TITLE))))
    assert found == EXPECTED
    assert all(re.fullmatch(r"邮件正文 第\d+段", loc) for loc in locators)  # the HTML body's blocks


# --------------------------------------------------------------------------- attachments: read by their readers


def _workbook(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "主要指标"
    sheet.append([TITLE + "主要指标"])
    sheet.append(["序号", "领域", "指标", "单位", "2020年", "2025年目标"])
    sheet.append([1, "妇女与健康", "孕产妇死亡率", "1/10万", 10.2, "≤9"])
    sheet.append([2, "妇女与健康", "孕产妇系统管理率", "%", 95, "≥96"])
    sheet.append([3, "妇女与教育", "高中阶段毛入学率", "%", 97, "≥98"])
    book.save(path)
    return path


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".txt"])
def test_a_plan_attached_is_read_by_its_format_and_located_in_the_attachment(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"plan{suffix}"
    if suffix == ".docx":
        text_to_docx(PLAN, source)
    elif suffix == ".pdf":
        text_to_pdf(PLAN, source)
    else:
        source.write_bytes("\r\n".join(PLAN).encode("gbk"))
    name = f"某某县妇女发展规划{suffix}"
    kind = {".docx": DOCX, ".pdf": "application/pdf", ".txt": 'text/plain; charset="gb2312"'}[suffix]
    body = multipart("mixed", [_plain(NOTE), _attachment(kind, source.read_bytes(), name)])
    plan, found, locators = _only(_save(tmp_path, mail(body, words("转发：" + TITLE))))
    alone = extract(source)[0]
    assert found == EXPECTED == [(t.domain, t.indicator, t.target.value) for t in alone.targets]
    # each locator is the attachment's own, named by the attachment; the covering note's ≤8/10万 is no target
    assert locators == [f"附件“{name}” {t.locator}" for t in alone.targets]
    assert plan.plan.title == TITLE and plan.plan.document_number == alone.plan.document_number


def test_a_workbook_attached_is_read_with_its_cells(tmp_path: Path) -> None:
    book = _workbook(tmp_path / "book.xlsx")
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    body = multipart("mixed", [_plain(NOTE), _attachment(kind, book.read_bytes(), "主要指标表.xlsx")])
    plan, found, locators = _only(_save(tmp_path, mail(body, words("主要指标"))))
    assert [(i, v) for _, i, v in found] == [("孕产妇死亡率", 9), ("孕产妇系统管理率", 96), ("高中阶段毛入学率", 98)]
    assert locators[0].startswith("附件“主要指标表.xlsx” 主要指标!")


def test_an_e_mail_attached_is_read_as_an_e_mail(tmp_path: Path) -> None:
    """Outlook's 作为附件转发: the original mail (message/rfc822) holds the .docx; its parts are named inside it."""
    source = text_to_docx(PLAN, tmp_path / "plan.docx")
    inner = mail(multipart("mixed", [_plain(NOTE), _attachment(DOCX, source.read_bytes(), "规划.docx")]), words(TITLE))
    attached = email.message.Message()
    attached["Content-Type"] = "message/rfc822"
    attached["Content-Disposition"] = f'attachment; filename="{words("原邮件.eml")}"'
    attached.set_payload([inner])
    plan, found, locators = _only(_save(tmp_path, mail(multipart("mixed", [_plain(["请审核。"]), attached]), "FW: plan")))
    assert found == EXPECTED
    assert all(loc.startswith("附件“原邮件.eml” 附件“规划.docx” 第") for loc in locators)


def test_the_attachment_name_gives_the_title_period_and_place_a_document_does_not(tmp_path: Path) -> None:
    source = text_to_docx([line.strip() for line in PLAN[6:]], tmp_path / "plan.docx")  # no title, no years
    name = "附件1：某某县妇女发展规划（2021—2025年）（送审稿）.docx"
    body = multipart("mixed", [_plain(["请审核附件。"]), _attachment(DOCX, source.read_bytes(), name)])
    plan, found, _ = _only(_save(tmp_path, mail(body, words("请审核"))))
    assert plan.plan.title == "某某县妇女发展规划（2021—2025年）（送审稿）"
    assert tuple(plan.plan.period) == (2021, 2025) and plan.plan.jurisdiction == ["某某县"]
    assert "附件" in plan.plan.inferred_from["title"] or "attachment" in plan.plan.inferred_from["title"]
    assert found == EXPECTED


def test_an_attachment_not_read_is_named_in_the_plans_note(tmp_path: Path) -> None:
    source = text_to_docx(PLAN, tmp_path / "plan.docx")
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as folder:
        folder.writestr("其他.txt", "无")
    body = multipart("mixed", [_plain(NOTE), _attachment(DOCX, source.read_bytes(), "规划.docx"),
                               _attachment("application/zip", archive.read_bytes(), "佐证材料.zip")])
    plan, found, _ = _only(_save(tmp_path, mail(body, words(TITLE))))
    assert found == EXPECTED and "佐证材料.zip" in (plan.plan.note or "")


# --------------------------------------------------------------------------- bad input: exit 2, in Chinese


def _refused(path: Path, *words_: str) -> str:
    with pytest.raises(InputError):
        extract(path)
    for command in ("extract", "check"):
        result = CliRunner().invoke(main, [command, str(path)], env=ZH)
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output and str(path) in result.stderr
        assert all(w in result.stderr for w in words_), result.stderr
    return result.stderr


def test_a_file_that_is_no_e_mail_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.eml"
    path.write_bytes(bytes(range(256)) * 40)
    _refused(path, "不是电子邮件")


def test_an_e_mail_with_no_plan_says_what_it_held(tmp_path: Path) -> None:
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as folder:
        folder.writestr("规划.docx", "")
    body = multipart("mixed", [_plain(NOTE), _attachment("application/zip", archive.read_bytes(), "规划.zip")])
    said = _refused(_save(tmp_path, mail(body, words("规划"))), "没有找到目标", "规划.zip", "压缩文件")
    assert "邮件" in said


def test_a_damaged_attachment_is_named_with_why(tmp_path: Path) -> None:
    body = multipart("mixed", [_plain(["请查收。"]), _attachment(DOCX, b"PK\x03\x04" + bytes(200), "规划.docx")])
    _refused(_save(tmp_path, mail(body, words("规划"))), "规划.docx", "无法读取")


def test_an_e_mail_with_nothing_to_read_is_refused(tmp_path: Path) -> None:
    message = mail(_plain([]), words("规划"))
    _refused(_save(tmp_path, message), "没有可读取的正文或附件")


def test_a_mail_saved_as_text_under_eml_is_read_as_the_text(tmp_path: Path) -> None:
    path = tmp_path / "saved.eml"  # no mail headers: 发件人: … is a mail program's print of them
    path.write_bytes("\r\n".join([*COVER, *PLAN]).encode("gb18030"))
    plan, found, _ = _only(path)
    assert found == EXPECTED


# --------------------------------------------------------------------------- the two kept e-mails, end to end

KEPT = HERE / "data" / "mail"
TEXTS = HERE.parent / "examples" / "texts"


def _saved_attachment(path: Path, folder: Path) -> Path:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    part = next(p for p in message.iter_attachments() if p.get_content_type() == DOCX)
    saved = folder / "attachment.docx"
    saved.write_bytes(part.get_payload(decode=True))
    return saved


def test_the_kept_forward_gives_the_plans_of_the_text_located_in_the_body() -> None:
    path = KEPT / "xinping-forward-gbk.eml"
    text = TEXTS / "xinping-county-women-children-2021-2030.txt"
    plans, alone = extract(path), extract(text)
    assert_same_plans(plans, alone)
    cover = 13  # the covering note and the original mail's headers above the quoted plans
    for got, want in zip(plans, alone, strict=True):
        assert [t.locator for t in got.targets] == [f"邮件正文 第{t.line + cover}行" for t in want.targets]


def test_the_kept_reply_gives_the_plans_of_its_attachment(tmp_path: Path) -> None:
    path = KEPT / "jinan-shizhong-docx.eml"
    attachment = _saved_attachment(path, tmp_path)
    plans, alone = extract(path), extract(attachment)
    assert_same_plans(plans, alone)
    name = "市中区妇女儿童发展规划（2021—2025年）.docx"
    for got, want in zip(plans, alone, strict=True):
        assert [t.locator for t in got.targets] == [f"附件“{name}” {t.locator}" for t in want.targets]
        assert "签名.gif" not in (got.plan.note or "")  # a signature's picture is no plan left unread


def _findings(path: Path) -> list[tuple[str, str, str]]:
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return sorted(
        (f["rule"], (f["plan_target"] or {}).get("indicator") or "", (f["plan_target"] or {}).get("locator") or "")
        for r in json.loads(result.stdout)["reports"] for f in r["findings"]
    )


def test_check_of_the_kept_e_mails_finds_what_check_of_their_plans_finds(tmp_path: Path) -> None:
    forward = KEPT / "xinping-forward-gbk.eml"
    reply = KEPT / "jinan-shizhong-docx.eml"
    for path, source in ((forward, TEXTS / "xinping-county-women-children-2021-2030.txt"), (reply, _saved_attachment(reply, tmp_path))):
        got, want = _findings(path), _findings(source)
        assert [(rule, name) for rule, name, _ in got] == [(rule, name) for rule, name, _ in want]
        located = [loc for _, _, loc in got if loc]
        assert located and all(loc.startswith(("邮件正文 第", "附件“")) for loc in located)
    result = CliRunner().invoke(main, ["check", str(reply)], env=ZH)
    assert result.exit_code == 1 and re.search(r"附件“市中区妇女儿童发展规划（2021—2025年）\.docx” 第\d+段", result.stdout)


def test_extract_of_a_kept_e_mail_writes_its_plans(tmp_path: Path) -> None:
    out = tmp_path / "plans"
    result = CliRunner().invoke(main, ["extract", str(KEPT / "jinan-shizhong-docx.eml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 2
    texts = [p.read_text(encoding="utf-8") for p in sorted(out.iterdir())]
    assert all("locator: 附件“市中区妇女儿童发展规划（2021—2025年）.docx” 第" in t for t in texts)
    result = CliRunner().invoke(main, ["check", *(str(p) for p in sorted(out.iterdir()))])
    assert result.exit_code in (0, 1), result.output
