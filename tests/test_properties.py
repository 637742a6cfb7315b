"""Property tests: arbitrary text never makes the card parser, tokenizer or message decoder raise."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.coach.decode import Decoder
from server.knowledge.cards import load_topics, parse_card
from server.models import Card
from server.search.lexical import tokenize

from .conftest import FIXTURE_KB

TOPICS = load_topics(FIXTURE_KB / "topics.yaml")
SAMPLE = (FIXTURE_KB / "cards" / "fx-soft-no.md").read_text(encoding="utf-8")
text_with_cjk = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(text_with_cjk, st.builds(lambda cut, junk: SAMPLE[:cut] + junk,
                                          st.integers(0, len(SAMPLE)), text_with_cjk)))
def test_card_parser_reports_problems_instead_of_raising(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.md"
        path.write_text(text, encoding="utf-8")
        card, problems = parse_card(path, TOPICS)
    assert card is not None or problems
    for problem in problems:
        assert problem.line >= 1 and problem.message


def _decoder() -> Decoder:
    cards, _ = parse_card(FIXTURE_KB / "cards" / "fx-soft-no.md", TOPICS)
    assert isinstance(cards, Card)
    return Decoder([cards])


DECODER = _decoder()


@settings(max_examples=300, deadline=None)
@given(st.one_of(text_with_cjk, st.builds(lambda a, b: a + "前向きに検討させていただきます" + b, text_with_cjk,
                                          text_with_cjk)))
def test_decoder_finds_non_overlapping_spans_in_any_text(text: str) -> None:
    found = DECODER.find(text)
    spans = sorted((f.start, f.end) for f in found)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))
    assert all(f.card_id == "fx-soft-no" for f in found)
    if "前向きに検討させていただきます" in text:
        assert found


@settings(max_examples=300, deadline=None)
@given(text_with_cjk)
def test_tokenizer_accepts_any_text(text: str) -> None:
    tokens = tokenize(text)
    assert all(isinstance(t, str) and t for t in tokens)
