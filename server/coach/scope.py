"""Calibrated confidence that a question is one the coach can answer.

English questions: the top card's cosine similarity, checked against generic off-topic prototypes (weather,
recipes, code, personal tax...) so that a question which merely names Tokyo is not taken for a co-production
question. CJK questions: the bundled model reads English only, so the lexical (BM25) score of the top card leads,
and the word lists of coach/offtopic.py (the same kinds of trap in Japanese, Korean and Chinese) stand in for these
prototypes. The English words coach/glossary.py appends to such a question are all business words and speak only for
the terms they gloss, so their cosine counts for the share of the question those terms cover, and no more: a glossed
「孩子不爱吃饭怎么办？」 ("dinner drinking socialising") is not an English question about business dinners.
Constants were chosen on tests/data/dev.jsonl against tests/data/out_of_scope.jsonl
(tests/bench/calibrate.py). The value is one feature of the ranker (coach/rank.py), whose trained scope model
decides whether to decline, reading the cues of coach/offtopic.py beside it.
"""

from __future__ import annotations

import math

import numpy as np

from server.cjk import cjk_share
from server.coach.glossary import default_glossary, own_words
from server.models import Hit
from server.search.embedder import Embedder

MIN_COSINE = 0.30  # top card's cosine below this: not a question our cards cover
MIN_MARGIN = 0.10  # the top card must beat the closest off-topic prototype by this much
COSINE_SCALE = 0.04
MIN_LEXICAL = 4.5  # BM25 of the top card for a question written in CJK script
LEXICAL_SCALE = 1.0
OFF_TOPIC_PROTOTYPES = [
    "weather forecast, rain or sunshine this weekend", "cooking recipe and ingredients for dinner",
    "sports results and match scores", "fix a bug in my code, programming help",
    "medical symptoms, illness and medicine", "file my personal income tax return and deductions",
    "tourist travel tips, packing, hotels and sightseeing", "recommend a restaurant or a place to eat",
    "which product should I buy, shopping advice", "help with school homework, maths or science",
    "tell me a joke or write a poem", "fitness, diet and losing weight", "car trouble, repairs and tyres",
    "gardening and plants", "what movie or TV show should I watch tonight, plot summary",
    "general knowledge trivia: capitals, history facts", "computers, wifi, phones and gadgets not working",
    "personal banking, credit cards and savings", "government paperwork: passports and visas for holidays",
    "dating, romance and family problems",
]


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(x, 50.0), -50.0)))


class ScopeModel:
    """Confidence in [0, 1] from the top hit; 0.5 is the calibrated in-scope boundary."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self.prototypes = embedder.encode(OFF_TOPIC_PROTOTYPES)

    def confidence(self, text: str, top: Hit | None, query_vector: np.ndarray | None = None) -> float:
        if top is None:
            return 0.0
        if cjk_share(own_words(text)) <= 0.5:
            return round(self._by_meaning(text, top, query_vector), 4)
        lexical = _logistic((top.lexical_score - MIN_LEXICAL) / LEXICAL_SCALE)
        glossed = 1.0 - default_glossary().unglossed(text)
        if glossed == 0.0 or text == own_words(text):
            return round(lexical, 4)
        return round(glossed * self._by_meaning(text, top, query_vector) + (1.0 - glossed) * lexical, 4)

    def _by_meaning(self, text: str, top: Hit, query_vector: np.ndarray | None) -> float:
        """The top card's cosine against the closest off-topic prototype's."""
        vector = query_vector if query_vector is not None else self.embedder.encode([text])
        off_topic = float((self.prototypes @ vector.reshape(-1)).max())
        signal = min(top.dense_score - MIN_COSINE, top.dense_score - off_topic - MIN_MARGIN)
        return _logistic(signal / COSINE_SCALE)
