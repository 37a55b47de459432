"""A GBK copy whose digits a portal masked with × or ＊ is read, not refused as "no known encoding".

charset-normalizer counts the mask characters as chaos, as it does box drawing: with enough of them its
first pass finds no encoding for a plain GBK text. The second pass over the Chinese encodings leaves them
out of its look (rules/text.yaml `second_pass.set_aside`), and the text keeps them: the targets they hide
are masked, never guessed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.reading import read_document

LINES = [
    "某某县人民政府关于印发《某某县儿童发展规划（{y}—{y}年）》的通知",
    "某府发〔{y}〕{n}号",
    "各乡镇人民政府，县级各部门：",
    "现将《某某县儿童发展规划（{y}—{y}年）》印发给你们，请认真组织实施。",
    "某某县儿童发展规划（{y}—{y}年）",
    "一、儿童与健康",
    "主要目标：",
    "1.婴儿死亡率控制在{n}.{n}‰以下。",
    "2.5岁以下儿童死亡率控制在{n}‰以下，{y}年达到{n}.{n}‰。",
    "3.孕产妇系统管理率保持在{n}%以上。",
    "4.适龄儿童免疫规划疫苗接种率保持在{n}%以上，{y}年底前达到{n}%。",
    "5.0～6岁儿童眼保健和视力检查覆盖率达到{n}%以上。",
    "6.儿童青少年总体近视率每年降低{n}.{n}个百分点以上。",
    "7.中小学生国家学生体质健康标准达标优良率达到{n}%以上。",
    "8.新生儿访视率保持在{n}%以上，{y}年较{y}年提高{n}个百分点。",
    "二、儿童与教育",
    "主要目标：",
    "1.学前教育毛入园率达到{n}%以上。",
    "2.九年义务教育巩固率保持在{n}.{n}%以上。",
    "3.高中阶段教育毛入学率达到{n}%以上。",
    "附表 主要指标",
    "序号 | 指标 | {y}年基期值 | {y}年目标值",
] + [f"{i} | 指标{i} | {{n}}.{{n}}% | ≥{{n}}%" for i in range(1, 21)]


@pytest.mark.parametrize(
    ("year_mask", "mask", "newline"),
    [("×", "×", "\r\n"), ("＊", "×", "\n")],
    ids=["times-crlf", "stars-and-times"],
)
def test_a_gbk_copy_with_masked_digits_is_read(tmp_path: Path, year_mask: str, mask: str, newline: str) -> None:
    from charset_normalizer import from_bytes

    text = "\n".join(LINES).replace("{y}", year_mask * 4).replace("{n}", mask * 2) + "\n"
    raw = text.replace("\n", newline).encode("gbk")
    assert from_bytes(raw).best() is None  # the shape: the library's own pass finds no encoding
    path = tmp_path / "plan.txt"
    path.write_bytes(raw)
    lines = [line.text for line in read_document(path).lines]
    assert lines[7] == f"1.婴儿死亡率控制在{mask * 2}.{mask * 2}‰以下。"  # decoded, the masks kept
    assert lines[0].startswith("某某县人民政府关于印发《某某县儿童发展规划")


def test_text_that_is_mostly_masks_and_garbage_is_still_refused(tmp_path: Path) -> None:
    from compliance.errors import InputError

    path = tmp_path / "plan.txt"
    path.write_bytes(("×" * 40).encode("gbk") + bytes(range(0x80, 0x100)) * 20)
    with pytest.raises(InputError):
        read_document(path)
