"""The labelled training queries as serving reads them (coach.plan, coach.answer): each question, each labelled part
with the readings serving ranks, conversations' later turns glued to what they continue. coach.train fits on them."""

from __future__ import annotations

from server.coach.answer import Answerer
from server.coach.bare_asks import names_no_topic
from server.coach.followup import continued, glossed
from server.coach.labelled import AnswerSet
from server.coach.rank import Asker
from server.coach.understand import understand
from server.models import Language, Turn


def labelled_queries(data: AnswerSet) -> list[tuple[str, str, list[str], str, str | None]]:
    """(message, the text ranked, acceptable cards, question id, the part's other reading or None) for every
    labelled query of `data`: questions, each labelled part, conversations' first turns and out-of-scope questions
    (no acceptable card)."""
    queries: list[tuple[str, str, list[str], str, str | None]] = [
        (q.question, q.question, q.cards, q.id, None) for q in data.questions]
    queries += [(q.question, text, p.cards, q.id, other) for q in data.questions for n, p in enumerate(q.parts)
                for text, other in part_queries(q.question, n, len(q.parts), p.text)]
    queries += [(c.turns[0].question, c.turns[0].question, c.turns[0].cards, c.id, None) for c in data.conversations]
    return queries + [(q.question, q.question, [], q.id, None) for q in data.out_of_scope]


def followup_queries(answerer: Answerer, data: AnswerSet) -> list[tuple[str, list[str], str, frozenset[str], Asker]]:
    """(the text ranked, acceptable cards, conversation id, cards shown before, the asker) for every labelled later
    turn of a conversation, read as serving reads a continuation (coach.answer, coach.plan): glued to what it
    continues (the turn before, resolved as coach.followup.continued resolves it), with the cards shown so far (each
    earlier turn's first labelled card) ranked even when retrieval misses them."""
    out = []
    expand = answerer.planner.glossary.expand
    for conversation in data.conversations:
        first = understand(conversation.turns[0].question)
        previous, resolved = conversation.turns[0].question, expand(first.query(first.parts[0]))
        shown: frozenset[str] = frozenset(conversation.turns[0].cards[:1])
        for turn in conversation.turns[1:]:
            u = understand(turn.question, first.pair, first.side)
            before = understand(resolved, u.pair, u.side)
            decoded = answerer.decode(turn.question, u) + answerer.decode(resolved, before)
            follows = continued(Turn(role="user", content=previous, created_at="", resolved_query=resolved), u, expand)
            text = f"{follows} {glossed(u.parts[0])}"
            if turn.cards:
                out.append((text, turn.cards, conversation.id, shown,
                            Asker(u.pair, u.side, frozenset(f.card_id for f in decoded), Language(u.language))))
            previous, resolved, shown = turn.question, text, shown | frozenset(turn.cards[:1])
    return out


def part_queries(message: str, n: int, labelled: int, text: str) -> list[tuple[str, str | None]]:
    """What serving ranks for the n-th labelled part (coach.plan), each with the other reading whose first
    retrieved cards it ranks too (None: no other): the engine's n-th part with the message's situation, and that
    part alone, when the engine splits the message into as many parts as were labelled; the labelled text
    otherwise. Serving reads a topicless part ("Is that normal?") only with the situation, so it crosses nothing."""
    u = understand(message)
    if len(u.parts) != labelled or labelled < 2:
        return [(text, None)]
    together, alone = u.query(u.parts[n]), u.query(u.parts[n], situation=False)
    if together == alone:
        return [(together, None)]
    if names_no_topic(u.parts[n]):
        return [(together, None), (alone, None)]
    return [(together, alone), (alone, together)]
