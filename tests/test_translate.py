"""compliance.translate: a translator does exactly what str.translate does with the same table."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from compliance.extraction._rules import _FOLD
from compliance.translate import translator

FOLD = translator(_FOLD)
CHAINED = {ord("a"): "b", ord("b"): "c", ord("Ａ"): "A"}  # a replacement that is itself replaced: one pass all the same
CHAIN = translator(CHAINED)
# the characters the tables replace, their replacements, and Chinese text around them
TEXT = st.text(alphabet=st.sampled_from([*map(chr, _FOLD), *"abcＡA 孕产妇死亡率９/10万以下－—，。\u3000"]), max_size=60)


@given(TEXT)
def test_a_translator_is_str_translate(text: str) -> None:
    assert FOLD(text) == text.translate(_FOLD)
    assert FOLD(text) == text.translate(_FOLD)  # remembered: the same
    assert CHAIN(text) == text.translate(CHAINED)


def test_full_width_text_folds() -> None:
    assert FOLD("２０２５年达到９５％以上——全县") == "2025年达到95%以上--全县"
