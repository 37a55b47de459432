"""The document vocabulary of rules/extraction.yaml, loaded once and compiled."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from compliance.translate import remembered, translator
from compliance.compiled import regex


_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD.update({ord(ch): " " for ch in "\u3000\xa0"})
_FOLD.update({ord(ch): "-" for ch in "—–－―‐‑"})
_DIGITS = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}


_fold = translator(_FOLD)


def fold(text: str) -> str:
    """Full width to half width, one character for one (offsets survive); dashes unified."""
    return _fold(text)


def fold_digits(text: str) -> str:
    """Full-width digits to ASCII (２０２１ → 2021), everything else as written: for titles."""
    return text.translate(_DIGITS)


def said(id: str, **params: Any) -> str:
    """A message of the catalogues in the user's language: extraction's reasons and notes (rules/messages, `extract`)."""
    from compliance.messages import text

    return text(id, **params)


_SQUEEZED = remembered()  # the stages squeeze the same headings and cells again and again (two calls in three)


def squeeze(text: str) -> str:
    """Folded, NFKC, without any white space: for comparing headings and cells."""
    found = _SQUEEZED.get(text)
    if found is None:
        found = "".join(unicodedata.normalize("NFKC", fold(text)).split())
        if len(_SQUEEZED) >= 4096:
            _SQUEEZED.clear()
        _SQUEEZED[text] = found
    return found


@dataclass(frozen=True)
class NonTarget:
    reason: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Rules:
    furniture: list[re.Pattern[str]]
    inline_noise: list[re.Pattern[str]]
    split_number: re.Pattern[str]
    illegible_digit: re.Pattern[str]  # an OCR glyph for an unreadable character, inside a number
    mask_glyphs: str  # characters written for hidden digits besides * (××%, ○○%)
    text_note_mark: re.Pattern[str]  # a footnote reference glued to a line's text (95%[1]以上, 死亡率①控制在)
    text_note_line: re.Pattern[str]  # a line opening with a footnote's reference ([1] 指……): the note's text
    text_note_definition: re.Pattern[str]  # what a circled note's text says early (① 产前筛查率指…)
    mask_glyph_run: re.Pattern[str]  # a run of digits, points and masks holding one of them
    mask_glyph_count: re.Pattern[str]  # (on the text before and after such a run) a target's verb … a counter
    ocr_digit_letters: dict[str, str]  # a letter an OCR engine reads for a digit (O → 0, l → 1)
    ocr_letter_number: re.Pattern[str]  # a number holding such a letter (9O%, l1/10万, 1O0%)
    ocr_number_signs: str  # a comparator sign before such a run says it is a number (≤1O, ≥4O)
    ocr_number_bound: re.Pattern[str]  # a word after such a run says it is a number (5O左右)
    ocr_lone_one: re.Pattern[str]  # a letter for 1 alone before a counter (建成l处)
    ocr_line_end: re.Pattern[str]  # a stray mark at a line's end (…服务丨)
    ocr_rule_marks: list[str]
    ocr_rule_mark: re.Pattern[str]  # a table's ruling read as a mark standing alone between spaces (93.2 丨 ≥95)
    ocr_permille: re.Pattern[str]  # ‰ read as %o (4.5%o)
    ocr_percent: re.Pattern[str]  # % read as °/o (98°/o)
    ocr_age_letters: dict[str, str]  # S岁以下: a letter read for the digit of an age
    ocr_header_cell_marks: str  # 序号、: a stray mark after a header word on a line of its own
    ocr_age_letter: re.Pattern[str]
    commentary_opens: re.Pattern[str]  # 【律师解读】: a reposter's box inserted into the plan's text
    lead_highlight: re.Pattern[str]  # 📌小编划重点：: a repost's box restating the plan's targets before its text
    commentary_resumes: re.Pattern[str]  # a line that resumes the plan after such a box (numbering, a heading)
    shot_notes: re.Pattern[str]  # 【画面】, 【同期声】, 镜头3: a TV script's note of what is filmed, at a line's start
    time_codes: re.Pattern[str]  # 00:01:23:05: a TV script's time code
    caption_cards: re.Pattern[str]  # 【字幕】: a TV script's caption card, the plan's words on screen
    card_values: re.Pattern[str]  # what states a caption card's value (a unit, a comparator, a verb)
    script_speakers: re.Pattern[str]  # 主持人：, 解说：: a voice of the script reading its text
    chat_min_headers: int  # a group-chat export has at least this many message headers
    chat_headers: re.Pattern[str]  # 2022-07-18 09:04:05 县卫健局-王建军(903321558): who posted a message, and when
    chat_separators: re.Pattern[str]  # —————  2022-06-28  —————: a chat export's date between its messages
    chat_plan_openers: re.Pattern[str]  # how a message of the plan's text opens (a heading, a list item, the title)
    chat_plan_names: re.Pattern[str]  # 《…规划（2021—2025年）》: the office's notice naming the plan
    quiz_min_answers: int  # a quiz bank (知识竞赛题库): at least this many answer lines
    quiz_answer: re.Pattern[str]  # 答案：B　解析：…, 答案：×; group `key`: the letters or the true/false mark
    quiz_option: re.Pattern[str]  # A.4.5‰, B、…: an option's letter opening a line (or following a space)
    quiz_blank: re.Pattern[str]  # （　　）: a question's blank, left empty
    quiz_false: re.Pattern[str]  # the key of a statement judged false (×, 错)
    ocr_year_dash: re.Pattern[str]  # 一 read for the dash between two years (2021一2030年)
    furniture_blocks: list[re.Pattern[str]]
    contents_headings: list[re.Pattern[str]]  # the heading of a table of contents (目录)
    contents_entries: list[re.Pattern[str]]  # after a table of contents' heading (目录): its entries
    excerpt_ends: list[re.Pattern[str]]  # the end of a site's excerpt (——预览已结束…): no plan text after it
    menu_min_words: int
    menu_max_chars: int
    page_markers: list[re.Pattern[str]]
    running_header_max_chars: int
    running_header_min_pages: int
    page_run_min_chars: int
    chunk_min_count: int
    chunk_min_chars: int
    repeat_min_lines: int
    repeat_min_chars: int
    screen_bars: list[re.Pattern[str]]  # a phone screenshot's status and title bars: the edge between two screens
    screen_overlap_max_lines: int
    title_max: int
    title_subject: list[str]
    title_plan_words: list[str]
    title_not: list[str]
    title_attachment: re.Pattern[str]  # 附件：某县妇女发展规划（****—****年）（摘录）: an attachment's heading naming the plan
    title_name_cuts: re.Pattern[str]  # where a Subject or an attachment's name is cut around the title it holds
    caption_tail_words: list[str]  # …规划（2021—2030年）指标任务清单: the table or list a caption naming the plan heads
    caption_tail_not: list[str]  # …规划（2011—2020年）终期评估报告: a report on the plan, no caption of its table
    caption_tail_not_unless_table: list[str]  # …中期评估: no caption, unless it ends naming a table (…中期评估监测表)
    caption_tail_table_ends: list[str]
    caption_tail_max: int
    kind_words: dict[str, list[str]]
    follows_words: list[str]
    follows_stop: list[str]
    follows_title_words: list[str]
    period_patterns: list[re.Pattern[str]]
    five_year_plans: dict[str, tuple[int, int]]
    five_year_past: list[str]  # “十三五”末, “十三五”以来: the five-year plan named as the past
    document_number: re.Pattern[str]
    admin_suffixes: list[tuple[str, str]]  # (suffix, level) longest first
    national_names: list[str]
    unit_labels: list[str]  # 填报单位：某县妇儿工委: a line naming the body that made or reports the table
    heading_place_not: list[str]  # a heading naming a plan with one of these (通知, 转发) names no place of the plan's
    sections: list[tuple[str, str]]  # (word, section) longest first
    parts: dict[str, list[str]]
    cited_targets_part_words: list[str]  # 二、《…规划》确定的目标: a part quoting the plan's targets
    domain_theme_words: list[str]  # （一）儿童健康方面: the theme word after a domain's name
    domain_pattern: re.Pattern[str]
    domain_max_chars: int
    domain_short_max_chars: int  # a domain's short name without its subject (健康, 决策和管理)
    table_columns: list[tuple[str, str]]  # (header word, role)
    table_remark_columns: frozenset[str]  # a remarks column (说明) that may state the target a dash leaves out
    table_ditto_marks: dict[str, str]  # a cell repeating another (同上, 〃, 同左) → "above" or "left"
    card_other_labels: frozenset[str]  # an indicator card's labels of text (计算方法, 数据说明): no column, no target
    table_question_number: re.Pattern[str]  # 3.指标名称: the number an online form's export gives each question's column
    table_void_remarks: list[str]  # a remark saying its row is void (本条作废): the row holds no target
    table_directions: dict[str, str]  # direction cell (正向, 逆向) → comparator of its row's bare numbers
    task_columns: dict[str, str]  # header word of a table of the plan's text → role (content, number, lead, deadline, label)
    table_captions: re.Pattern[str]  # the end of a caption naming a table of the plan's tasks (…目标任务分解表)
    task_caption_words: list[str]  # a caption with one of these names a table of tasks, not of indicators
    table_column_levels: list[tuple[str, int]]  # (header word, rank: 0 the plan's own, higher ranks higher levels)
    table_parent_markers: list[str]  # a sub-header with one of these (上海市（参考）) is a parent's column
    table_row_levels: dict[str, int]  # a level column's whole label (县, 上级 …) → rank as in table_column_levels
    table_target_suffixes: list[str]  # a target header's end after whose target it is (开原市|目标值), longest first
    table_year_column: re.Pattern[str]
    empty_cells: frozenset[str]
    table_note_mark: re.Pattern[str]  # a footnote mark at the end of a cell (≥70①)
    table_name_mark: re.Pattern[str]  # a mark glued to an indicator's name (婴儿死亡率*, ★婴儿死亡率)
    cell_year_notes: list[re.Pattern[str]]  # a note naming the year of each line of a target cell (上行为2025年…)
    caption_line: re.Pattern[str]  # 专栏2　儿童近视防控行动 on a line of its own: a title, never half a sentence
    bracket_parent_notes: list[re.Pattern[str]]  # a note saying a cell's value in brackets is the parent's (括号内为上级目标值)
    bare_value_notes: list[tuple[re.Pattern[str], str]]
    lower_is_better: list[str]
    maskable_units: list[str]
    flat_table_margin: float
    subhead: re.Pattern[str]
    summary_headline: re.Pattern[str]  # the headline of an article about a plan (《…规划》政策解读)
    summary_headline_words: tuple[str, ...]  # the headline's words around the plan's title
    report_headline: re.Pattern[str]  # the headline of a report on a plan (统计监测报告, 中期评估报告): not a plan
    report_mention: re.Pattern[str]  # a headline saying the document reports on a plan (…中期评估情况的报告): read as one
    heading_qualifier: re.Pattern[str]
    continued_title: re.Pattern[str]  # （续） after a plan's title printed again on the next page: the same plan
    heading_counts: re.Pattern[str]  # （主要目标7项，策略措施2项） after a heading: the counts of its contents
    heading_separators: re.Pattern[str]  # 主要目标｜儿童与健康: a heading of a section and its domain
    slash_value_name: re.Pattern[str]
    slash_value_note: re.Pattern[str]
    slash_value_bracket: re.Pattern[str]  # 家长学校覆盖率（城市/农村）: the two subjects of a/b cells, in brackets
    flat_unit_cells: tuple[str, ...]
    list_bullet: re.Pattern[str]
    bullet_symbols: str  # the symbol ranges that open a line as a bullet does (a regular-expression class's body)
    keycaps: re.Pattern[str]  # a run of emoji keycaps opening a line (1️⃣1️⃣, 🔟): a social post's list number
    card_value_words: list[str]  # 🔹≥95%以上: the words a card's value line may hold besides its value
    card_value_max: int
    main_targets_lead: re.Pattern[str]  # 围绕…领域提出主要目标，一起来看: a lead saying the domains' lists are main targets
    history_subhead_words: list[str]  # ▌回顾“十三五”, 【数说过去五年】: a news subhead opening a block of the past
    entry_plan_marks: re.Pattern[str]  # a yearbook's 【entry】 naming the plan or a horizon: the one stating targets
    record_book_names: re.Pattern[str]  # 阳朔年鉴（2023）: the name of a book recording a year, on a line of its own
    reply_markers: list[str]  # 答复单位：, 回复时间：: on a message board's page, the official reply begins (the message before it)
    flat_table_max_change: float
    non_targets: list[NonTarget]
    table_unit_qualifiers: dict[str, tuple[str, str]]  # a unit column per person and time (元/人·月) → (unit, name qualifier)
    table_change_directions: dict[str, str]  # a direction cell (↓) whose percentage is a change → its op
    table_change_names: list[tuple[str, str]]  # an indicator named by a change (…下降幅度) → its op; longest first
    table_per_population: list[tuple[str, str]]
    elliptical_subjects: list[str]  # longest first
    ocr_name_confusions: dict[str, str]  # 卒 for 率: read again only when the catalogue knows the result
    jurisdiction_wide: frozenset[str]  # 全县, 全市…: the whole place a plan is for, never a condition
    condition_clause_chars: int  # 事业单位达到45% after another target of the sentence: a condition, not a name
    history_openers: re.Pattern[str]  # a sentence that opens so reports the past (“十三五”期间…)
    status_openers: re.Pattern[str]  # a clause that opens so reports the state of things (目前…, 去年…)
    name_lead_words: re.Pattern[str]  # 【王**】一是…, 我们提出…: a speaker's or a list's words before a name
    status_marks: re.Pattern[str]  # a clause of what is done or reached (已培训2860人次, 已达98.2%): no target
    report_year_openers: re.Pattern[str]  # in a report on a plan: a sentence or clause of a year's values (2025年为…)
    stated_target_words: tuple[str, ...]  # in a report on a plan: 目标为 before a bare number, the plan's target
    stated_name_tails: tuple[str, ...]  # 目标值, 目标 closing a name that a report states a target of: no part of it


def _masks_too(pattern: str) -> str:
    """A digit of a non-target pattern also matches a mask: *岁以下, **人及以上的, (*) are still qualifiers and numbering."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\" and i + 1 < len(pattern):
            pair = pattern[i : i + 2]
            out.append(("\\d*" if in_class else "[\\d*]") if pair == "\\d" else pair)
            i += 2
            continue
        if pattern[i] == "[" and not in_class:
            in_class = True
        elif pattern[i] == "]" and in_class:
            in_class = False
        out.append(pattern[i])
        i += 1
    return "".join(out)


def _keycaps(digit: str, ten: str) -> re.Pattern[str]:
    """A run of keycaps after a line's leading space: group `run`, its digits read by `keycap_number`."""
    return regex(rf"^(?P<space>\s*)(?P<run>(?:{digit})+|{ten})")


def _list_bullet(bullets: list[str], symbol_ranges: str = "") -> re.Pattern[str]:
    """A bullet opening a line: a dash or a dot (——, ·) only before a word (—5 is no item); a symbol (●, ★,
    or any of `symbol_ranges`: the emoji and marks of official-account cards, 🔹 👉 ✅ ▌) before anything
    (★0～6岁儿童…, 🔹≤2.8‰)."""
    dashes = sorted((b for b in bullets if set(b) <= set("-—–－·•")), key=len, reverse=True)
    symbols = sorted((b for b in bullets if not set(b) <= set("-—–－·•")), key=len, reverse=True)
    either = []
    if dashes:
        either.append(r"(?:" + "|".join(map(re.escape, dashes)) + r")\s*(?=[^\s\d])")
    if symbols:
        either.append(r"(?:" + "|".join(map(re.escape, symbols)) + r")\s*(?=\S)")
    if symbol_ranges:
        either.append(r"[" + symbol_ranges + r"][\ufe0e\ufe0f\u200d]*\s*(?=\S)")
    return regex(r"^\s*(?:" + "|".join(either) + ")")


def _illegible(glyphs: str) -> re.Pattern[str]:
    """An illegible glyph with a digit (or another such glyph) before it, or a digit, a point, % or ‰ after it."""
    glyph = "[" + re.escape(glyphs) + "]"
    return regex(rf"(?<=[0-9０-９.．]){glyph}|{glyph}(?=[0-9０-９.．%％‰]|{glyph}*[0-9０-９%％‰])")


def _note_references(data: dict[str, Any]) -> tuple[str, str, str]:
    """A superscript reference (¹, ⁽²⁾), one in square brackets ([1], ［注2］, [注]), a circled one (①): patterns."""
    sup = "⁽?[" + re.escape(str(data["text_note_superscripts"])) + "]+⁾?"
    brackets = "|".join(
        f"{re.escape(o)}(?:注\\s*)?[0-9０-９]{{1,2}}{re.escape(c)}|{re.escape(o)}注{re.escape(c)}"
        for o, c in data["text_note_brackets"]
    )
    return sup, brackets, "[" + re.escape(str(data["text_note_circled"])) + "]"


def _text_note_mark(data: dict[str, Any]) -> re.Pattern[str]:
    sup, brackets, circled = _note_references(data)
    return regex(
        rf"(?<=[^\sA-Za-z])(?:{sup}|{brackets})"
        rf"|(?<=[\u4e00-\u9fff%‰％0-9０-９)）]){circled}(?=(?:{data['text_note_circled_before']}))"
    )


def _text_note_line(data: dict[str, Any]) -> re.Pattern[str]:
    sup, brackets, circled = _note_references(data)
    return regex(rf"^\s*{data['text_note_openers']}(?P<mark>{sup}|{brackets}|{circled})\s*(?=\S)")


def _mask_glyph_run(glyphs: str) -> re.Pattern[str]:
    """A run of digits, points and mask characters holding at least one of `glyphs` (××, 9×.×, ××××)."""
    inside = "[0-9０-９.．*＊" + re.escape(glyphs) + "]"
    return regex(rf"{inside}*[{re.escape(glyphs)}]{inside}*")


def _letter_number(letters: str) -> re.Pattern[str]:
    """A run of digits and letters read for digits, apart from any other letter, holding a digit and one of the letters.

    It is a number only where its ends say so (see cleaning): digits at both
    ends (1O0, 2O21), or a unit mark after it (9O%, l1/10万).
    """
    both = "[0-9" + re.escape(letters) + "]"
    return regex(
        rf"(?<![A-Za-z0-9.．]){both}(?:{both}|[.．](?=[0-9]))*(?![A-Za-z])(?P<unit>[%％‰/])?"
    )


@cache
def rules() -> Rules:
    from compliance.loading.yamlfile import read_yaml
    from compliance.resources import rules_file

    data: dict[str, Any] = read_yaml(rules_file("extraction.yaml")).data
    title = data["title"]
    suffixes = [(str(s), level) for level, words in data["admin_suffixes"].items() for s in words]
    suffixes.sort(key=lambda pair: -len(pair[0]))
    sections = [(squeeze(str(w)), section) for section, words in data["sections"].items() for w in words]
    sections.sort(key=lambda pair: -len(pair[0]))
    columns = [(squeeze(str(w)), role) for role, words in data["table_columns"].items() for w in words]
    return Rules(
        furniture=[regex(str(p)) for p in data["furniture"]],
        inline_noise=[regex(str(p)) for p in data["inline_noise"]],
        split_number=regex(str(data["split_number"])),
        illegible_digit=_illegible(str(data["illegible_glyphs"])),
        mask_glyphs=str(data["mask_glyphs"]),
        text_note_mark=_text_note_mark(data),
        text_note_line=_text_note_line(data),
        text_note_definition=regex(
            "^[^。；;]{0," + str(int(data["text_note_definition_chars"])) + "}?(?:"
            + "|".join(map(re.escape, sorted(data["text_note_definitions"], key=len, reverse=True))) + ")"
        ),
        mask_glyph_run=_mask_glyph_run(str(data["mask_glyphs"])),
        mask_glyph_count=regex(
            "(?:" + "|".join(map(re.escape, sorted(data["mask_glyph_verbs"], key=len, reverse=True))) + r")\s*\x00\s*(?:"
            + "|".join(map(re.escape, sorted(data["mask_glyph_counters"], key=len, reverse=True))) + ")"
        ),
        ocr_digit_letters={str(k): str(v) for k, v in data["ocr_digit_letters"].items()},
        ocr_letter_number=_letter_number("".join(map(str, data["ocr_digit_letters"]))),
        ocr_number_signs=str(data.get("ocr_number_signs") or ""),
        ocr_number_bound=regex(
            r"\s*(?:" + "|".join(map(re.escape, sorted(data.get("ocr_number_bounds") or [], key=len, reverse=True))) + ")"
            if data.get("ocr_number_bounds") else "(?!)"
        ),
        ocr_lone_one=regex(
            r"(?<=[\u4e00-\u9fff])(?:" + "|".join(map(re.escape, data["ocr_lone_ones"])) + r")(?=(?:"
            + "|".join(map(re.escape, sorted(data["mask_glyph_counters"], key=len, reverse=True))) + "))"
            if data.get("ocr_lone_ones") else "(?!)"
        ),
        ocr_year_dash=regex(str(data["ocr_year_dash"])),
        ocr_rule_marks=[str(m) for m in data["ocr_rule_marks"]],
        ocr_rule_mark=regex(
            r"(?<=\s)(?:" + "|".join(map(re.escape, data["ocr_rule_marks"])) + r")(?=\s)"
        ),
        ocr_permille=regex(str(data["ocr_permille"])),
        ocr_percent=regex(str(data.get("ocr_percent") or "(?!)")),
        ocr_age_letters={str(k): str(v) for k, v in (data.get("ocr_age_letters") or {}).items()},
        ocr_header_cell_marks=str(data.get("ocr_header_cell_marks") or ""),
        ocr_age_letter=regex(
            r"(?<![A-Za-z0-9])(?:" + "|".join(map(re.escape, data["ocr_age_letters"])) + r")(?=\s*(?:[~～\-—至]\s*\d{1,2}\s*)?周?岁)"
            if data.get("ocr_age_letters") else "(?!)"
        ),
        commentary_opens=regex(str((data.get("commentary_boxes") or {}).get("opens") or "(?!)")),
        lead_highlight=regex(str(data.get("lead_highlights") or "(?!)")),
        commentary_resumes=regex(str((data.get("commentary_boxes") or {}).get("resumes") or "(?!)")),
        shot_notes=regex(str((data.get("broadcast_scripts") or {}).get("shot_notes") or "(?!)")),
        time_codes=regex(str((data.get("broadcast_scripts") or {}).get("time_codes") or "(?!)")),
        caption_cards=regex(str((data.get("broadcast_scripts") or {}).get("caption_cards") or "(?!)")),
        card_values=regex(str((data.get("broadcast_scripts") or {}).get("card_values") or "(?!)")),
        script_speakers=regex(str((data.get("broadcast_scripts") or {}).get("speakers") or "(?!)")),
        chat_min_headers=int((data.get("chat_exports") or {}).get("min_headers", 3)),
        chat_headers=regex("|".join(f"(?:{p})" for p in (data.get("chat_exports") or {}).get("headers") or ["(?!)"])),
        chat_separators=regex("|".join(f"(?:{p})" for p in (data.get("chat_exports") or {}).get("separators") or ["(?!)"])),
        chat_plan_openers=regex(str((data.get("chat_exports") or {}).get("plan_openers") or "(?!)")),
        chat_plan_names=regex(str((data.get("chat_exports") or {}).get("plan_names") or "(?!)")),
        quiz_min_answers=int((data.get("quiz_banks") or {}).get("min_answers", 3)),
        quiz_answer=regex(str((data.get("quiz_banks") or {}).get("answer") or "(?!)")),
        quiz_option=regex(str((data.get("quiz_banks") or {}).get("option") or "(?!)")),
        quiz_blank=regex(str((data.get("quiz_banks") or {}).get("blank") or "(?!)")),
        quiz_false=regex(str((data.get("quiz_banks") or {}).get("false_keys") or "(?!)")),
        ocr_line_end=regex(
            r"(?<=[\u4e00-\u9fff。，；：、）》”！？%‰])\s*(?:" + "|".join(map(re.escape, data["ocr_line_end_marks"])) + r")\s*$"
        ),
        furniture_blocks=[regex(str(p)) for p in data["furniture_blocks"]],
        contents_headings=[regex(str(p)) for p in data["contents_headings"]],
        contents_entries=[regex(str(p)) for p in data["contents_entries"]],
        excerpt_ends=[regex(str(p)) for p in data["excerpt_ends"]],
        menu_min_words=int(data["menu_min_words"]),
        menu_max_chars=int(data["menu_max_chars"]),
        page_markers=[regex(str(p)) for p in data["page_markers"]],
        running_header_max_chars=int(data["running_header_max_chars"]),
        running_header_min_pages=int(data["running_header_min_pages"]),
        page_run_min_chars=int(data["page_run_min_chars"]),
        chunk_min_count=int(data["chunk_min_count"]),
        chunk_min_chars=int(data["chunk_min_chars"]),
        repeat_min_lines=int(data["repeat_min_lines"]),
        repeat_min_chars=int(data["repeat_min_chars"]),
        screen_bars=[regex(str(p)) for p in data.get("screen_bars") or []],
        screen_overlap_max_lines=int(data.get("screen_overlap_max_lines", 0)),
        title_max=int(title["max_chars"]),
        title_subject=[str(w) for w in title["subject"]],
        title_plan_words=[squeeze(str(w)) for w in title["plan_words"]],
        title_not=[squeeze(str(w)) for w in title["not_title"]],
        title_attachment=regex(str(title["attachment"])),
        title_name_cuts=regex(str(title["name_cuts"]), re.IGNORECASE),
        caption_tail_words=[str(w) for w in title.get("caption_tail_words") or []],
        caption_tail_not=[str(w) for w in title.get("caption_tail_not") or []],
        caption_tail_not_unless_table=[str(w) for w in title.get("caption_tail_not_unless_table") or []],
        caption_tail_table_ends=[str(w) for w in title.get("caption_tail_table_ends") or []],
        caption_tail_max=int(title.get("caption_tail_max") or 0),
        kind_words={str(k): [str(w) for w in v] for k, v in data["kind_words"].items()},
        follows_words=sorted((str(w) for w in data["follows_words"]), key=len, reverse=True),
        follows_stop=[str(w) for w in data["follows_stop"]],
        follows_title_words=[str(w) for w in data["follows_title_words"]],
        period_patterns=[regex(str(p)) for p in data["period_patterns"]],
        five_year_plans={str(k): (int(v[0]), int(v[1])) for k, v in data["five_year_plans"].items()},
        five_year_past=[str(w) for w in data.get("five_year_past") or []],
        document_number=regex(str(data["document_number"])),
        admin_suffixes=suffixes,
        national_names=[str(w) for w in data["national_names"]],
        unit_labels=[str(w) for w in data.get("unit_labels") or []],
        heading_place_not=[str(w) for w in data.get("heading_place_not") or []],
        sections=sections,
        parts={str(k): [squeeze(str(w)) for w in v] for k, v in data["parts"].items()},
        cited_targets_part_words=[squeeze(str(w)) for w in data.get("cited_targets_part_words") or []],
        domain_theme_words=[squeeze(str(w)) for w in data.get("domain_theme_words") or []],
        domain_pattern=regex(str(data["domain_pattern"])),
        domain_max_chars=int(data["domain_max_chars"]),
        domain_short_max_chars=int(data.get("domain_short_max_chars", 0)),
        table_columns=columns,
        table_remark_columns=frozenset(squeeze(str(w)) for w in data.get("table_remark_columns") or []),
        table_ditto_marks={squeeze(str(w)): str(side) for side, words in (data.get("table_ditto_marks") or {}).items() for w in words},
        card_other_labels=frozenset(squeeze(str(w)) for w in data.get("card_other_labels") or []),
        table_question_number=regex(str(data.get("table_question_number") or "(?!)")),
        table_void_remarks=[squeeze(str(w)) for w in data.get("table_void_remarks") or []],
        table_directions={squeeze(str(w)): str(op) for op, words in data["table_directions"].items() for w in words},
        task_columns={squeeze(str(w)): str(role) for role, words in data["task_columns"].items() for w in words},
        table_captions=regex(
            "(?:" + "|".join(re.escape(squeeze(str(w))) for w in sorted(data.get("table_captions") or ["(?!)"], key=len, reverse=True)) + ")$"
        ),
        task_caption_words=[squeeze(str(w)) for w in data["task_caption_words"]],
        table_column_levels=[
            (squeeze(str(w)), rank) for rank, words in enumerate(data["table_column_levels"].values()) for w in words
        ],
        table_parent_markers=[squeeze(str(w)) for w in data["table_parent_markers"]],
        table_row_levels={
            squeeze(str(w)): rank for rank, words in enumerate((data.get("table_row_levels") or {}).values()) for w in words
        },
        table_target_suffixes=sorted((squeeze(str(w)) for w in data["table_target_suffixes"]), key=len, reverse=True),
        table_year_column=regex(str(data["table_year_column"])),
        empty_cells=frozenset(squeeze(str(w)) for w in data["empty_cells"]),
        cell_year_notes=[regex(str(p)) for p in data.get("cell_year_notes") or []],
        caption_line=regex(str(data.get("caption_line") or "(?!)")),
        bracket_parent_notes=[regex(str(p)) for p in data.get("bracket_parent_notes") or []],
        table_note_mark=regex(
            r"(?<=\S)(?:[" + re.escape(str(data["table_note_marks"])) + r"]+"
            + "".join(f"|{re.escape(pair[0])}[0-9]{{1,2}}{re.escape(pair[1])}" for pair in data.get("table_note_brackets") or [])
            + r")\s*$"
        ),
        table_name_mark=regex(
            r"(?<=\S)[" + re.escape(str(data["table_name_marks"])) + r"]+\s*$|^\s*["
            + re.escape(str(data["table_name_marks"]).replace("*", "").replace("＊", "")) + r"]+(?=\S)"
        ),
        bare_value_notes=[(regex(str(e["pattern"])), str(e["op"])) for e in data["bare_value_notes"]],
        lower_is_better=[str(w) for w in data["lower_is_better"]],
        maskable_units=[str(w) for w in data["maskable_units"]],
        flat_table_margin=float(data["flat_table_margin"]),
        subhead=regex(str(data["subhead"])),
        summary_headline_words=tuple(sorted((str(w) for w in data.get("summary_headline_words") or []), key=len, reverse=True)),
        summary_headline=regex("|".join(f"(?:{p})" for p in data.get("summary_headlines") or ["(?!)"])),
        report_headline=regex("|".join(f"(?:{p})" for p in data.get("report_headlines") or ["(?!)"])),
        report_mention=regex("|".join(f"(?:{p})" for p in data.get("report_mentions") or ["(?!)"])),
        heading_qualifier=regex(str(data["heading_qualifier"])),
        continued_title=regex(str(data.get("continued_title") or "(?!)")),
        heading_counts=regex(str(data.get("heading_counts") or "(?!)")),
        heading_separators=regex(str(data.get("heading_separators") or "(?!)")),
        slash_value_name=regex(str(data["slash_value_name"])),
        slash_value_note=regex(str(data["slash_value_note"])),
        slash_value_bracket=regex(str(data.get("slash_value_bracket") or "(?!)")),
        flat_unit_cells=tuple(sorted(map(str, data["flat_unit_cells"]), key=len, reverse=True)),
        bullet_symbols=str(data.get("list_bullet_symbols") or ""),
        keycaps=_keycaps(str(data.get("keycap_digit") or "(?!)"), str(data.get("keycap_ten") or "(?!)")),
        list_bullet=_list_bullet([fold(str(b)) for b in data["list_bullets"]], str(data.get("list_bullet_symbols") or "")),
        card_value_words=sorted((str(w) for w in data.get("card_value_words") or []), key=len, reverse=True),
        card_value_max=int(data.get("card_value_max") or 0),
        main_targets_lead=regex(str(data.get("main_targets_lead") or "(?!)")),
        history_subhead_words=[str(w) for w in data.get("history_subhead_words") or []],
        entry_plan_marks=regex("|".join(f"(?:{p})" for p in data.get("entry_plan_marks") or ["(?!)"])),
        record_book_names=regex("|".join(f"(?:{p})" for p in data.get("record_book_names") or ["(?!)"])),
        reply_markers=[squeeze(str(w)) for w in data.get("reply_markers") or []],
        flat_table_max_change=float(data["flat_table_max_change"]),
        non_targets=[NonTarget(str(e["reason"]), regex(_masks_too(str(e["pattern"])))) for e in data["non_targets"]],
        table_unit_qualifiers={
            squeeze(str(k)).strip("()"): (str(v[0]), str(v[1])) for k, v in (data.get("table_unit_qualifiers") or {}).items()
        },
        table_change_directions={squeeze(str(k)): str(v) for k, v in (data.get("table_change_directions") or {}).items()},
        table_change_names=sorted(
            ((squeeze(str(k)), str(v)) for k, v in (data.get("table_change_names") or {}).items()), key=lambda kv: -len(kv[0])
        ),
        table_per_population=sorted(
            ((squeeze(str(k)), str(v)) for k, v in data["table_per_population"].items()), key=lambda kv: -len(kv[0])
        ),
        ocr_name_confusions={str(k): str(v) for k, v in (data.get("ocr_name_confusions") or {}).items()},
        jurisdiction_wide=frozenset(str(w) for w in data.get("jurisdiction_wide") or []),
        condition_clause_chars=int(data.get("condition_clause_chars", 8)),
        elliptical_subjects=sorted({squeeze(str(w)) for w in data.get("elliptical_subjects") or []}, key=len, reverse=True),
        history_openers=regex("|".join(f"(?:{p})" for p in data.get("history_openers") or ["(?!)"])),
        status_openers=regex("|".join(f"(?:{p})" for p in data.get("status_openers") or ["(?!)"])),
        name_lead_words=regex(str(data.get("name_lead_words") or "(?!)")),
        status_marks=regex("|".join(f"(?:{p})" for p in data.get("status_marks") or ["(?!)"])),
        report_year_openers=regex("|".join(f"(?:{p})" for p in data.get("report_year_openers") or ["(?!)"])),
        stated_target_words=tuple(sorted((str(w) for w in data.get("stated_target_words") or []), key=len, reverse=True)),
        stated_name_tails=tuple(sorted((str(w) for w in data.get("stated_name_tails") or []), key=len, reverse=True)),
    )
