"""The ranker's list-relative and frame features, and the training split's cross-validation folds.

Constructed candidates with the committed weights (server/coach/ranker.json): no retrieval, no test-split figures."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from server.coach import train
from server.coach.labelled import load_answer_set, split_of
from server.coach.rank import (
    BASE_FEATURES,
    FEATURES,
    RELATIVE,
    SCOPE_BY_SCRIPT,
    SCOPE_FEATURES,
    WEIGHTS,
    Asker,
    KeyWords,
    Ranker,
    candidate_features,
    relative_features,
    scope_features,
)
from server.coach.train import (
    FOLDS,
    Row,
    _card_model,
    _fold,
    calibrated,
    calibration,
    cross_validate,
    dumps,
    exported,
    fit,
    in_card_order,
    out_of_fold,
    out_of_fold_scores,
)
from server.coach.train_queries import part_queries
from server.coach.understand import understand
from server.models import Card, Culture, Hit, Language, Perspective
from server.search.languages import CardWords, LanguageIndex
from server.search.lexical import tokenize

COLUMN = {name: i for i, name in enumerate(FEATURES)}


@pytest.fixture
def few_trees(monkeypatch: pytest.MonkeyPatch) -> None:
    """The trainer's machinery on small synthetic sets: 40 trees learn their separable signal as well as the 500
    the real set is fitted with (whose settings train.py's cross-validation chose), in a fraction of the time."""
    monkeypatch.setitem(train.CARD_MODEL, "n_estimators", 40)
SHARED = {"scope": 0.9, "domain_cue": 1.0, "off_topic_cue": 0.0, "cjk": 0.0, "english": 1.0}
JAPANESE_STUDIO = Asker(Culture.JP_US, Perspective.ASIA_SIDE)


def _card(card_id: str, cultures: list[Culture], perspective: Perspective) -> Card:
    return Card(id=card_id, title="Minimum guarantee or a bigger back-end share", topics=["finance"],
                cultures=cultures, perspective=perspective, triggers=["MG or back-end?"],
                summary="Weigh a guaranteed advance against a larger share later.", sources=["https://example.org"],
                sections={})


def _features(card: Card, rank: int, asker: Asker, trigger: float = 0.7, lexical: float = 5.0
              ) -> np.ndarray:
    hit = Hit(card_id=card.id, title=card.title, passage="", passage_kind="summary", score=0.03,
              dense_score=0.6, lexical_score=lexical, topics=card.topics,
              cultures=[c.value for c in card.cultures], perspective=card.perspective.value)
    return candidate_features(hit, rank, 0.03, 5.0, card, asker, (trigger, 0.5), 0.6, SHARED, (0.7, 0.6))


def _ranked(cards: list[Card], asker: Asker) -> dict[str, float]:
    matrix = relative_features(np.vstack([_features(c, n, asker) for n, c in enumerate(cards)]))
    probabilities = Ranker.load().probabilities(matrix)
    return {card.id: float(p) for card, p in zip(cards, probabilities, strict=True)}


def test_the_twin_written_for_the_askers_side_outranks_the_other_sides() -> None:
    us_side = _card("mg-us-side", [Culture.JP_US], Perspective.US_SIDE)
    asia_side = _card("mg-asia-side", [Culture.JP_US], Perspective.ASIA_SIDE)
    for order in ([us_side, asia_side], [asia_side, us_side]):  # retrieval's order does not decide it
        probability = _ranked(order, JAPANESE_STUDIO)
        assert probability["mg-asia-side"] > probability["mg-us-side"]
    american = _ranked([asia_side, us_side], Asker(Culture.JP_US, Perspective.US_SIDE))
    assert american["mg-us-side"] > american["mg-asia-side"]


def test_exact_frame_marks_only_a_card_for_exactly_the_askers_pair_and_side() -> None:
    exact = _features(_card("a", [Culture.JP_US], Perspective.ASIA_SIDE), 0, JAPANESE_STUDIO)
    shared_pair = _features(_card("b", [Culture.JP_US, Culture.KR_US], Perspective.ASIA_SIDE), 0, JAPANESE_STUDIO)
    any_both = _features(_card("c", [Culture.ANY], Perspective.BOTH), 0, JAPANESE_STUDIO)
    unknown = _features(_card("a", [Culture.JP_US], Perspective.ASIA_SIDE), 0, Asker(Culture.JP_US, None))
    assert [f[COLUMN["frame_exact"]] for f in (exact, shared_pair, any_both, unknown)] == [1.0, 0.0, 0.0, 0.0]


def test_relative_features_compare_each_candidate_with_its_best_rival() -> None:
    cards = [_card(f"c{n}", [Culture.ANY], Perspective.BOTH) for n in range(3)]
    matrix = np.vstack([_features(c, n, JAPANESE_STUDIO, trigger=t, lexical=lex)
                        for n, (c, t, lex) in enumerate(zip(cards, (0.5, 0.8, 0.8), (4.0, 5.0, 2.0), strict=True))])
    out = relative_features(matrix)
    assert out[:, COLUMN["trigger_margin"]] == pytest.approx([-0.3, 0.0, 0.0])  # a tie at the top: no margin
    assert out[:, COLUMN["trigger_best"]].tolist() == [0.0, 1.0, 1.0]
    assert out[:, COLUMN["trigger_rank"]].tolist() == [1 / 3, 1.0, 1.0]  # tied cards share a rank
    assert out[:, COLUMN["lexical_margin"]] == pytest.approx([-0.2, 0.2, -0.6])  # lexical is 4/5, 5/5, 2/5 of the top
    assert out[:, COLUMN["lexical_rank"]].tolist() == [0.5, 1.0, 1 / 3]
    # the absolute features are left as they were, and the list's order changes nothing but the rows' order
    base = [COLUMN[name] for name in FEATURES if not name.startswith(RELATIVE) or name in RELATIVE]
    assert np.array_equal(out[:, base], matrix[:, base])
    assert np.array_equal(relative_features(matrix[::-1]), out[::-1])


def test_a_single_candidate_gets_its_own_value_as_margin() -> None:
    row = _features(_card("only", [Culture.ANY], Perspective.BOTH), 0, JAPANESE_STUDIO)
    out = relative_features(row.reshape(1, -1))
    assert out[0, COLUMN["trigger_margin"]] == pytest.approx(0.7)
    assert out[0, COLUMN["trigger_best"]] == 1.0 and out[0, COLUMN["trigger_rank"]] == 1.0


def _named(card_id: str, title: str, summary: str, triggers: list[str]) -> Card:
    return Card(id=card_id, title=title, topics=["contracts"], cultures=[Culture.ANY], perspective=Perspective.BOTH,
                triggers=triggers, summary=summary, sources=["https://example.org"], sections={})


# Three cards share the topic words "contract" and "partner"; only one is about an audit.
KEY_CARDS = {c.id: c for c in (
    _named("audit", "Auditing the partner's statements", "Ask for an audit of the contract's revenue reports.",
           ["They want to audit our contract"]),
    _named("long", "A long contract from the partner", "Read a long contract from the partner calmly.",
           ["The partner sent a long contract"]),
    _named("signed", "The partner signed the contract", "After the contract is signed, the partner asks more.",
           ["partner contract signed"]))}


def test_key_coverage_counts_the_rare_words_of_the_ask_over_the_shared_topic_words() -> None:
    words = KeyWords(KEY_CARDS, {})
    asked = set(tokenize("Our partner wants to audit the contract"))
    audit, long = (words.coverage(asked, cid, Language.EN) for cid in ("audit", "long"))
    plain = len(asked & set(tokenize("A long contract from the partner"))) / len(asked)
    assert audit == pytest.approx(1.0)  # every word the cards know is in its heads
    assert 0.0 < long < plain  # "partner" and "contract" are in every card: they weigh little
    assert words.coverage(set(tokenize("weather tomorrow")), "audit", Language.EN) == 0.0  # no card uses them
    assert words.coverage(asked, "no-such-card", Language.EN) == 0.0


def test_key_coverage_reads_a_translation_in_the_questions_language_only() -> None:
    heads = [frozenset({"監査", "契約"}), frozenset({"監査"})]
    # only `words` is read: the passages and BM25 of a real translated index play no part here
    japanese = LanguageIndex(passages=[], lexical=None, cards={}, words={  # type: ignore[arg-type]
        "audit": CardWords(whole=frozenset().union(*heads), heads=heads),
        "long": CardWords(whole=frozenset({"契約", "長い"}), heads=[frozenset({"契約", "長い"})])})
    words = KeyWords(KEY_CARDS, {Language.JA: japanese})
    assert words.coverage({"監査", "契約"}, "audit", Language.JA) == pytest.approx(1.0)
    assert 0.0 < words.coverage({"監査", "契約"}, "long", Language.JA) < 0.5
    assert words.coverage({"監査"}, "signed", Language.JA) == 0.0  # not translated
    assert words.coverage({"監査"}, "audit", Language.KO) == 0.0  # no Korean translations at all


def test_a_question_not_in_english_gets_its_own_copy_of_the_compared_features() -> None:
    cards = [_card(f"c{n}", [Culture.ANY], Perspective.BOTH) for n in range(3)]
    compared = [n for n in FEATURES if n.endswith("_native")]
    assert len(compared) == 3 * len(RELATIVE)
    for lang in (Language.EN, Language.JA):
        asker = Asker(None, None, lang=lang)
        out = relative_features(np.vstack([_features(c, n, asker, trigger=0.5 + 0.1 * n)
                                           for n, c in enumerate(cards)]))
        native = out[:, [COLUMN[n] for n in compared]]
        assert out[:, COLUMN["native_language"]].tolist() == [float(lang is not Language.EN)] * 3
        plain = out[:, [COLUMN[n.removesuffix("_native")] for n in compared]]
        assert np.array_equal(native, plain if lang is not Language.EN else np.zeros_like(plain))
        assert native.any() == (lang is not Language.EN)


def test_the_scope_model_reads_the_named_columns() -> None:
    row = np.arange(len(FEATURES), dtype=float)
    plain = [*(COLUMN[n] for n in BASE_FEATURES[1:]), 0.5]
    value = dict(zip(SCOPE_FEATURES, plain, strict=False))
    assert scope_features(row, 0.5).tolist() == [*plain, *(value[n] * COLUMN["cjk"] for n in SCOPE_BY_SCRIPT)]
    assert len(scope_features(row, 0.5)) == len(SCOPE_FEATURES)


def test_every_cross_validation_fold_holds_training_questions() -> None:
    ids = [q.id for q in load_answer_set().only("train").questions]
    assert all(split_of(i) == "train" for i in ids)
    counts = np.bincount([_fold(i) for i in ids], minlength=FOLDS)
    assert counts.min() >= 0.1 * len(ids)  # the split's own hash would leave a fold empty


def _synthetic(count: int) -> list[Row]:
    """In-scope queries whose acceptable card has clearly the best trigger, and out-of-scope ones where nothing
    stands out and the off-topic cue is set."""
    rng = np.random.default_rng(7)
    rows = []
    for n in range(count):
        matrix = np.column_stack([np.ones(6), rng.normal(size=(6, len(FEATURES) - 1))])
        labels = np.zeros(6, dtype=bool)
        inside = n % 4 != 3
        if inside:
            labels[n % 6] = True
            matrix[n % 6, COLUMN["trigger"]] += 4.0
        else:
            matrix[:, COLUMN["off_topic_cue"]] = 3.0
        rows.append(Row(relative_features(matrix), labels, inside, f"q-{n}", f"question {n}", []))
    return rows


@pytest.mark.usefixtures("few_trees")
def test_cross_validation_is_deterministic_and_learns_a_separable_signal() -> None:
    rows = _synthetic(80)
    first = cross_validate(rows, out_of_fold(rows))
    assert first == cross_validate(rows, out_of_fold(rows))
    assert first.hit1 >= 0.9 and first.hit3 >= first.hit1
    assert first.declined >= 0.9  # held-out off-topic queries are declined by each fold's own scope model


@pytest.mark.usefixtures("few_trees")
def test_fit_is_deterministic_and_runs_on_a_subset_with_a_fold_left_out() -> None:
    rows = [r for r in _synthetic(120) if _fold(r.group) != 0]
    result = fit(rows)
    assert result == fit(rows)
    split_on = {name for tree in result["card_model"]["trees"] for name in tree["feature"]}  # type: ignore[index]
    assert "trigger" in split_on and split_on <= {"", *FEATURES}
    assert 0.0 < float(result["in_scope_at"]) < 1.0  # type: ignore[arg-type]
    held_out = result["cross_validated"]
    assert isinstance(held_out, dict) and set(held_out) == {"hit@1", "hit@3", "out_of_scope_declined",
                                                           "in_scope_kept"}
    assert 0.0 <= held_out["hit@1"] <= held_out["hit@3"] <= 1.0


def test_a_decoded_phrase_vouches_for_scope_unless_the_off_topic_cue_dominates() -> None:
    """coach/plan.py takes Ranker.decoded_in_scope as in-scope evidence for a message with decoded partner words:
    full when the message asks about them, none when an ask is a translation or a trap (the scope model decides)."""
    assert Ranker.decoded_in_scope(["先方に「前向きに検討します」と言われました。これは断りですか？"]) == 1.0
    assert Ranker.decoded_in_scope(["フランス語で「ありがとう」は何と言いますか？"]) == 0.0
    assert Ranker.decoded_in_scope(["Which shop has the best wagashi", "what are its hours?"]) == 0.0
    # a pasted e-mail's words are not the ask: only the sentence that asks is read
    assert Ranker.decoded_in_scope(["They wrote: 'we recommend a restaurant near the office; 前向きに検討します'. "
                                    "Is that a no?"]) == 1.0
    assert Ranker.decoded_in_scope([]) == 0.0


def test_a_card_missing_from_the_nearest_neighbours_is_not_scored_minus_one() -> None:
    """Retrieval scores a passage outside the dense nearest neighbours -1; a card found by BM25 alone then reads
    its title-and-summary cosine instead, so a missing value is no penalty."""
    card = _card("mg", [Culture.JP_US], Perspective.BOTH)
    hit = Hit(card_id="mg", title=card.title, passage="", passage_kind="summary", score=0.03, dense_score=-1.0,
              lexical_score=5.0, topics=card.topics, cultures=["jp-us"], perspective="both")
    row = candidate_features(hit, 0, 0.03, 5.0, card, JAPANESE_STUDIO, (0.7, 0.5), 0.6, SHARED, (0.7, 0.6))
    assert row[COLUMN["dense"]] == 0.5 and row[COLUMN["dense_gap"]] == pytest.approx(-0.1)


def test_training_ranks_a_labelled_part_as_serving_does() -> None:
    message = ("Our partner says CFCC has to approve the script. How long does that take, and what happens if we "
               "change the script after approval?")
    u = understand(message)
    assert len(u.parts) == 2
    queries = part_queries(message, 1, 2, "changing the script after CFCC approval")
    together, alone = u.query(u.parts[1]), u.query(u.parts[1], situation=False)
    assert queries == [(together, alone), (alone, together)]  # each ranks the other's first cards (crossing)
    assert "CFCC" in together and "CFCC" not in alone  # with the situation, and the part alone
    # the engine splits differently from the labels: the labelled text, as written
    assert part_queries(message, 0, 3, "how long CFCC approval takes") == [("how long CFCC approval takes", None)]


def test_the_exported_trees_score_as_lightgbm_does(tmp_path: Path) -> None:
    """What serving reads (Trees, numpy only) equals the fitted ranker's own scores, through the JSON file, with
    the calibration folded in: probability = sigmoid(scale * score + shift)."""
    import lightgbm

    rows = [r for r in _synthetic(60) if r.labels.any()]
    x = np.vstack([r.features for r in rows])
    y = np.concatenate([r.labels for r in rows]).astype(int)
    model = lightgbm.LGBMRanker(n_estimators=20, num_leaves=7, min_child_samples=5, verbose=-1).fit(
        x, y, group=[len(r.labels) for r in rows])
    path = tmp_path / "ranker.json"
    path.write_text(dumps({"scope_weights": {}, "answer_at": 0.5, "in_scope_at": 0.5,
                           "card_model": exported(model.booster_.dump_model(), 2.0, -1.5)}), encoding="utf-8")
    ranker = Ranker.load(path)
    raw = model.predict(x)
    assert raw.std() > 0.1  # the trees learnt something to compare
    assert np.allclose(ranker.trees.log_odds(x), 2.0 * raw - 1.5)
    assert np.allclose(ranker.probabilities(x), 1 / (1 + np.exp(-(2.0 * raw - 1.5))))


@pytest.mark.usefixtures("few_trees")
def test_calibration_turns_held_out_scores_into_probabilities_of_an_acceptable_card() -> None:
    rows = _synthetic(120)
    scores = out_of_fold_scores(rows)
    scale, shift = calibration(rows, scores)
    assert scale > 0  # a higher score means a likelier acceptable card
    probabilities = np.concatenate(calibrated(scores, (scale, shift)))
    labels = np.concatenate([r.labels for r in rows])
    assert probabilities[labels].mean() > 0.7 > 0.3 > probabilities[~labels].mean()


def test_a_model_splitting_on_a_feature_that_no_longer_exists_is_refused(tmp_path: Path) -> None:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    data["card_model"]["trees"][0]["feature"][0] = "retired_feature"
    (tmp_path / "ranker.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="retired_feature.*server.coach.train"):
        Ranker.load(tmp_path / "ranker.json")


@pytest.mark.usefixtures("few_trees")
def test_training_does_not_depend_on_the_order_the_previous_ranker_gave_the_candidates() -> None:
    """Serving lists candidates by the committed ranker's probabilities; lambdarank breaks ties between equal
    scores by position (and scikit-learn's early stopping picked its validation rows by position), so without one
    order a retrain depended on the ranker.json it replaced."""
    rng = np.random.default_rng(11)
    rows = [r._replace(cards=[f"card-{n}" for n in range(len(r.labels))]) for r in _synthetic(300)]
    shuffled = []
    for row in rows:
        order = rng.permutation(len(row.labels))
        shuffled.append(row._replace(features=row.features[order], labels=row.labels[order],
                                     cards=[row.cards[i] for i in order]))
    trees = _card_model([in_card_order(r) for r in rows])
    assert _card_model([in_card_order(r) for r in shuffled]) == trees
    assert _card_model(shuffled) != trees  # the order alone used to change the trees
