"""The learned check of whose words a found expression is (coach/whose.py): a veto over the rules' partner text."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.cjk import normalise
from server.coach.answer import Answerer
from server.coach.decode import Decoder
from server.coach.understand import understand
from server.coach.whose import WEIGHTS, Whose, features, place
from server.coach.whose_train import fit, read_item

# The rules take these quotes for the partner's; the words around them say they are the asker's own.
ASKERS = ["I'm writing back to Toho: \"Sounds great, let's circle back next week.\" Too casual?",
          "My reply to Toho so far: \"Sounds great, we'll keep you posted.\" Anything to fix?"]
PARTNERS = [
    ("The Toho producer said \"前向きに検討します\" at the end of the call. Is that a no?", "前向きに検討します"),
    ("先方の課長から「持ち帰って検討いたします」とメールが来ました。どういう意味でしょうか？", "持ち帰って検討します"),
    ("韓国側のプロデューサーから「좀 어렵습니다」と返事が来ました。", "좀 어렵습니다"),
    # a pasted e-mail on one line: its 「社内」 is the writer's company, the partner's
    ("お世話になっております。先日ご提案いただいた件ですが、社内で検討しましたところ、予算面でちょっと難しいです。"
     "今回は見送らせていただきます。", "難しいです"),
]


@pytest.fixture(scope="module")
def model() -> Whose:
    loaded = Whose.load()
    assert loaded is not None
    return loaded


def _probabilities(decoder: Decoder, model: Whose, message: str) -> dict[str, float]:
    u = understand(message)
    text = "\n".join(u.partner_text)
    haystack = normalise(text)
    return {f.phrase.expression: model.partners(message, *where) for f in decoder.find(text, u.asian_partner)
            if (where := place(message, u.partner_text, haystack[f.start:f.end]))}


@pytest.mark.parametrize("message", ASKERS)
def test_the_check_reads_the_askers_words_the_rules_let_through_as_the_askers(decoder: Decoder, model: Whose,
                                                                            message: str) -> None:
    found = _probabilities(decoder, model, message)
    assert found and max(found.values()) < 0.05  # the rules alone decode them; the check is sure they are not theirs


@pytest.mark.parametrize(("message", "expression"), PARTNERS)
def test_the_check_reads_the_partners_words_as_theirs(decoder: Decoder, model: Whose, message: str,
                                                      expression: str) -> None:
    assert _probabilities(decoder, model, message)[expression] > 0.5


@pytest.mark.parametrize("message", ASKERS)
def test_a_veto_threshold_drops_the_askers_words(decoder: Decoder, model: Whose, message: str) -> None:
    u = understand(message)
    text = "\n".join(u.partner_text)
    found = decoder.find(text, u.asian_partner)
    assert found and replace(model, threshold=0.05).theirs(message, u.partner_text, normalise(text), found) == []
    assert replace(model, threshold=0.0).theirs(message, u.partner_text, normalise(text), found) == found  # off


def test_the_answerer_decodes_through_the_check(kb_answerer: Answerer, model: Whose,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kb_answerer.decoder, "_whose", replace(model, threshold=0.05))
    assert kb_answerer.decode(ASKERS[0], understand(ASKERS[0])) == []
    message, expression = PARTNERS[0]
    assert expression in {f.phrase.expression for f in kb_answerer.decode(message, understand(message))}


def test_place_maps_the_normalised_words_back_to_the_message() -> None:
    message = "They wrote:  ＯＫ,  Let’s   circle back."
    start, end = place(message, ["ＯＫ,  Let’s   circle back."], "let's circle back")  # type: ignore[misc]
    assert message[start:end] == "Let’s   circle back"


def test_features_read_the_frame_around_the_quote() -> None:
    message = "私の返事案です：「社内で調整が必要です」これで失礼はないでしょうか。"
    at = message.index("社内")
    feats = features(message, at, at + len("社内で調整が必要です"))
    assert {"quoted", "opens-quote", "asked", "quoted:i-before", "same-language"} <= set(feats)


def test_the_committed_weights_load_with_a_threshold() -> None:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    loaded = Whose.load()
    assert loaded is not None and 0.0 <= loaded.threshold < 1.0 and len(loaded.weights) == len(data["weights"])


def test_training_is_deterministic(decoder: Decoder) -> None:
    rows = [({"id": "t-1", "question": "Should I say \"we'll see\" to them?"}, True),
            ({"id": "t-2", "message": "They said \"we'll see\" after the pitch.", "must": [
                {"text": "we'll see", "expression": "We'll see"}], "must_not": []}, False),
            ({"id": "t-3", "question": "私が「検討します」と言ったら誤解されますか？"}, True),
            ({"id": "t-4", "message": "先方から「検討します」と返事が来ました。", "must": [
                {"text": "検討します", "expression": "検討します"}], "must_not": []}, False)]
    items = [read_item(decoder, row, plain) for row, plain in rows]
    assert fit(items) == fit(items)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("ab '\"「」“”?？。\n検討します네알겠습니다没问题We'll see")), max_size=80),
       st.integers(0, 80), st.integers(0, 80))
def test_the_check_never_raises_on_any_text(decoder: Decoder, message: str, a: int, b: int) -> None:
    spans = [message[min(a, b):max(a, b)]] if message[min(a, b):max(a, b)].strip() else []
    decoder.partners(message, spans)


def test_the_trainer_picks_the_highest_threshold_at_the_recall_floor_and_off_when_it_decodes_more() -> None:
    """Precision first: the threshold that vetoes most while cross-validated recall stays at the floor (a tie with
    the rules on plain decodes keeps the check: cross-validation flatters rules written on the same items); a check
    that lets more plain questions through, or loses recall at every threshold, is off (0.0)."""
    from server.coach.whose_train import RECALL_FLOOR, THRESHOLDS, pick

    at_floor = round(100 * RECALL_FLOOR)
    tie = {None: (0, 100, 100), **{t: (0, at_floor if t <= 0.1 else at_floor - 1, 100) for t in THRESHOLDS}}
    assert pick(tie) == 0.1
    worse = {None: (0, 100, 100), **{t: (1, 100, 100) for t in THRESHOLDS}}
    assert pick(worse) == 0.0
    no_recall = {None: (3, 100, 100), **{t: (0, 50, 100) for t in THRESHOLDS}}
    assert pick(no_recall) == 0.0
