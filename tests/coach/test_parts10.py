"""Session 10's part rules: a short ask after the partner's words reported in the asker's own is an ask about them, a
topicless ask takes the sentence that stands between it and the ask before, and a part whose own words name a card
that the model, reading those few words alone, rates low for every card still counts that card first."""

from __future__ import annotations

import numpy as np
import pytest

from server.coach.answer import Answerer
from server.coach.partrank import OWN_WEIGHT, with_part_alone
from server.coach.parts import split_parts
from server.coach.rank import FEATURES, Candidate
from server.coach.understand import understand
from server.models import Ask
from tests.coach.test_parts8 import _candidate

RETITLE = ("米国の配給会社がタイトルを変えて、さらに20分カットして公開したいと言ってきました。断れますか？"
           "もし変えるとしたら、英語タイトルはどう決めるのが一般的ですか。")


def test_a_short_ask_after_the_partners_reported_words_asks_about_them() -> None:
    """「断れますか？」 is too short to stand alone: it was dropped (the sentence before it holds the partner's words)
    and the message read as one question."""
    u = understand(RETITLE)
    assert u.partner_text  # the decoder's reported span is what used to block the join
    assert len(u.parts) == 2
    assert u.parts[0].endswith("断れますか？") and "カット" in u.parts[0]
    assert u.parts[1].startswith("もし変えるとしたら")


PACKAGING = ("We're a Seoul-based studio. Our LA partner asked for a lookbook and a pitch deck before they'll read the "
             "script. Why do they need those first? Also they say nothing gets greenlit until a director and cast are "
             "attached. Is that standard?")


def test_a_topicless_ask_takes_the_sentence_between_it_and_the_ask_before() -> None:
    parts, context = split_parts(PACKAGING, [])
    assert parts == ["Why do they need those first?",
                     "Also they say nothing gets greenlit until a director and cast are attached. Is that standard?"]
    assert "lookbook" in context


def _keyed(card_id: str, probability: float, key: float) -> Candidate:
    candidate = _candidate(card_id, probability)
    candidate.features = np.zeros(len(FEATURES))
    candidate.features[FEATURES.index("key_coverage")] = key
    return candidate


def test_a_weak_ranking_alone_whose_best_card_the_part_names_counts_relative_to_it() -> None:
    """"How worried should I be, and how do I get the real status without making them lose face?": with the
    situation the schedule card tops the second part too; alone its words name the face card, but at 0.04."""
    ranked = [_keyed("slip", 0.97, 1.0), _keyed("retakes", 0.42, 0.3), _keyed("reported", 0.34, 0.5)]
    alone = [_keyed("face", 0.04, 0.3), _keyed("mianzi", 0.02, 0.5)]
    chosen = with_part_alone(ranked, alone, [], False, ("slip", False), weak_relative=True)
    assert chosen[0].card.id == "face"
    assert chosen[0].probability == pytest.approx(OWN_WEIGHT)  # the top of its own ranking, nothing from the situation


def test_a_weak_ranking_alone_that_names_no_card_stays_as_it_is() -> None:
    """"how long does it add?" alone finds nothing its words name: no evidence to amplify."""
    ranked = [_keyed("quota", 0.91, 1.0), _keyed("treaty", 0.66, 0.5)]
    alone = [_keyed("interpreter", 0.04, 0.0), _keyed("timeline", 0.02, 0.4)]
    chosen = with_part_alone(ranked, alone, [], False, ("quota", False), weak_relative=True)
    assert chosen[0].card.id == "treaty"


def test_a_confident_ranking_alone_is_not_rescaled() -> None:
    ranked = [_keyed("a", 0.9, 1.0), _keyed("b", 0.5, 1.0)]
    alone = [_keyed("b", 0.3, 1.0), _keyed("a", 0.2, 1.0)]
    chosen = with_part_alone(ranked, alone, [], False, weak_relative=True)
    assert [c.card.id for c in chosen] == ["a", "b"]  # rescaled to its best, "b" alone would count 1.0 and lead
    assert all(min(r.probability, o.probability) < c.probability < max(r.probability, o.probability)
               for c in chosen for r in ranked for o in alone if r.card.id == o.card.id == c.card.id)


def test_a_follow_ups_own_words_are_not_rescaled() -> None:
    """A follow-up glued to the question it continues ("what if they still don't answer after a month?") is ranked
    on its own words as a check, not as a part: a weak ranking of them stays weak."""
    ranked = [_keyed("shown", 0.9, 1.0), _keyed("next", 0.5, 1.0)]
    alone = [_keyed("other", 0.05, 0.3)]
    assert with_part_alone(ranked, alone, [], False)[0].card.id == "shown"


@pytest.mark.slow
def test_a_part_that_names_its_card_in_few_words_is_answered_by_it(kb_answerer: Answerer) -> None:
    """"Should we bring our CEO?" alone rates every card low, the delegation card highest: read relative to that
    best card, it answers the part instead of the situation's card (the planner passes weak_relative=True)."""
    draft = kb_answerer.draft(Ask(message="We're meeting the lead company of an Osaka committee next month. Should we "
                                          "bring our CEO, and who on their side actually signs off?"))
    assert "matching-delegation-seniority" in [card.id for card in draft.plan.cards]
