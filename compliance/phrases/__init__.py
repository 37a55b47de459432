"""Reading (and writing) the Chinese phrases that state plan targets.

"孕产妇死亡率下降到9/10万以下" means: indicator 孕产妇死亡率, at most 9 per
100 000. Plans write the same meaning in dozens of ways, with scraping noise on
top (masked digits, full-width characters, Word bookmarks), and they are full of
numbers that are NOT targets: ages that qualify a population (3岁以下儿童),
years, baselines (2020年为85.02), numbering, durations that set a scope
(在5年内), named concepts (“15分钟健身圈”) and eligibility rules
(10人及以上的行政村).

The vocabulary (which words mean "at least", which units are ages…) is data in
`rules/phrases.yaml`; this package holds the grammar: find each number, read its
unit and the words around it, decide whether it is a target, and name the
indicator it belongs to. Everything works on a copy of the text folded to half
width character by character, so every offset is also an offset into the
original text and every quote is an exact substring of it.

`parse` never raises: it is fed whole documents and arbitrary strings.

The modules, in reading order: `result` (what is returned), `vocabulary`
(rules/phrases.yaml), `text` (folding and marking the text), `numbers`
(numbers and their units), `comparators` (what a number means), `indicators`
(naming the indicator), `reading` (`parse`, `unread_numbers`), `render`
(phrases and the compact form).
"""

from compliance.phrases.reading import levels, parse, unread_numbers
from compliance.phrases.render import parse_compact, render, render_compact
from compliance.phrases.result import ParsedTarget

__all__ = [
    "ParsedTarget",
    "levels",
    "parse",
    "parse_compact",
    "render",
    "render_compact",
    "unread_numbers",
]
