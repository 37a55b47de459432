"""Regenerate the two e-mails kept here from the sample texts, as a county's 妇儿工委 office sends its plans on.

    python tests/data/mail/make.py       # from the repository's root, with the test dependencies installed

- xinping-forward-gbk.eml: a Foxmail-style forward of 新平县's notice of its two plans (women's, children's:
  examples/texts/xinping-…txt) to the prefecture, the covering note above the original mail, which quotes the
  plans with `> ` on every line; one text/plain part in GBK, base64, declared gb2312; the Subject an RFC 2047
  encoded word in GB2312 (B). Extraction must give the text's plans, each line at its place in the decoded body.
- jinan-shizhong-docx.eml: a reply-all sending 市中区's two plans (examples/texts/jinan-…txt, made into a Word file
  as a drafter's is: tests/makedocs.text_to_docx) as a .docx attachment, its name in GB2312 encoded words; the body
  a multipart/alternative covering note (text/plain quoted-printable, and HTML), and the sender's signature picture.
  Extraction must give the attachment's plans, located in it (附件“…docx” 第5段).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from mails import CST, as_bytes, leaf, mail, multipart, words  # noqa: E402
from makedocs import text_to_docx  # noqa: E402


def xinping() -> bytes:
    plan = (ROOT / "examples" / "texts" / "xinping-county-women-children-2021-2030.txt").read_text(encoding="utf-8")
    quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in plan.splitlines())
    body = "\n".join([
        "玉溪市妇儿工委办：",
        "    现将《新平妇女发展规划（2021—2030年）》《新平儿童发展规划（2021—2030年）》转发备案，请审核。",
        "    如有问题请联系县妇儿工委办，电话0877-701****。",
        "",
        "新平县妇儿工委办  李**",
        "2023年3月15日",
        "",
        "------------------ 原始邮件 ------------------",
        "发件人: \"新平县人民政府办公室\" <xpzfb@example.cn>",
        "发送时间: 2023年3月14日(星期二) 下午4:05",
        "收件人: \"新平县妇儿工委办\" <xpfegw@example.cn>",
        "主题: 新平县妇女、儿童发展规划（2021—2030年）",
        "",
        quoted,
        "",
    ])
    text = leaf('text/plain; charset="gb2312"', body.replace("\n", "\r\n").encode("gbk"), "base64")
    message = mail(
        text, words("转发：新平县妇女、儿童发展规划（2021—2030年）请备案"),
        sender=f'"{words("新平县妇儿工委办")}" <xpfegw@example.cn>', to=f'"{words("玉溪市妇儿工委办")}" <yxfegw@example.cn>',
        date=datetime(2023, 3, 15, 9, 12, tzinfo=CST),
    )
    message["X-Mailer"] = "Foxmail 7.2.25.228[cn]"
    return as_bytes(message)


def jinan_shizhong() -> bytes:
    plan = (ROOT / "examples" / "texts" / "jinan-shizhong-district-women-children-2021-2025.txt").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        docx = text_to_docx(plan.splitlines(), Path(folder, "plan.docx")).read_bytes()
    note = [
        "各位领导：",
        "    附件为市中区妇女、儿童发展规划（2021—2025年）正式文本，请查收。",
        "    共2个规划，72项主要目标，已按市规划逐项对标。",
        "",
        "市中区妇儿工委办 王**",
        "电话：0531-8******",
    ]
    plain = leaf('text/plain; charset="gb2312"', "\r\n".join(note).encode("gbk"), "quoted-printable")
    html = "<html><head><meta charset=\"gb2312\"></head><body>" + "".join(f"<p>{line or '&nbsp;'}</p>" for line in note)
    rich = leaf('text/html; charset="gb2312"', (html + "</body></html>").encode("gbk"), "base64")
    name = words("市中区妇女儿童发展规划（2021—2025年）.docx")
    attachment = leaf(
        f'application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="{name}"', docx, filename=name
    )
    picture = leaf(f'image/gif; name="{words("签名.gif")}"', b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!"
                   b"\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x01D\x00;",
                   filename=words("签名.gif"))
    body = multipart("mixed", [multipart("alternative", [plain, rich]), attachment, picture])
    message = mail(
        body, "=?utf-8?Q?=E5=9B=9E=E5=A4=8D=EF=BC=9A=E5=85=B3=E4=BA=8E=E6=8A=A5=E9=80=81?= " + words("市中区妇女儿童发展规划的函"),
        sender=f'"{words("市中区妇儿工委办")}" <szqfegw@example.cn>', to=f'"{words("济南市妇儿工委办")}" <jnfegw@example.cn>',
        date=datetime(2022, 6, 8, 15, 40, tzinfo=CST),
    )
    message["Cc"] = "szqzfb@example.cn"
    return as_bytes(message)


def main() -> None:
    (HERE / "xinping-forward-gbk.eml").write_bytes(xinping())
    (HERE / "jinan-shizhong-docx.eml").write_bytes(jinan_shizhong())


if __name__ == "__main__":
    main()
