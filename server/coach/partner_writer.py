"""Whose English a pasted partner text is when the asker's pair does not say: the name it is signed with and the
set phrases carried over from the writer's language ("Best regards, Sato", "Thank you always for your support")."""

from __future__ import annotations

import re

from server.models import Culture, Perspective

# A pasted e-mail's signature: the name after "Best regards," or a last line that is only a name.
_SIGNED = re.compile(r"(?:regards|best|sincerely|thanks|thank you|cheers)[,.!]?\s+(?:mr\.?\s+|ms\.?\s+)?"
                     r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s*[\"”]?\s*$|^\s*([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s*$", re.M)
_WRITERS = {  # the most common surnames in romanised signatures, and English set phrases carried over
    Culture.JP_US: (frozenset("sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida "
                              "yamada sasaki yamaguchi matsumoto inoue kimura hayashi shimizu saito".split()),
                    re.compile(r"thank you (?:always|as always|very much as always) for your (?:continued )?"
                               r"(?:support|cooperation)", re.I)),
    Culture.KR_US: (frozenset("kim lee park choi jung jeong kang cho yoon jang lim shin kwon hwang ahn".split()),
                    re.compile(r"\b[A-Z][a-z]+-nim\b")),
    Culture.CN_US: (frozenset("wang zhang liu chen yang zhao huang zhou wu xu sun zhu ma hu guo lin".split()),
                    re.compile(r"\blaoshi\b|\bzong\b", re.I)),
}


def asian_partner(pair: Culture | None, side: Perspective | None, partner: list[str]) -> Culture | None:
    """Whose English the partner text is: the Asian side of the asker's pair unless the asker is that side, or,
    with no pair known, the side the pasted e-mail's signature or set phrases point to ("Best regards, Sato",
    "Thank you always for your support"); None for an American partner or when nothing says."""
    if side is Perspective.ASIA_SIDE or not partner:
        return None
    if pair in (Culture.JP_US, Culture.KR_US, Culture.CN_US):
        return pair
    text = "\n".join(partner)
    names = [n for m in _SIGNED.finditer(text) for n in m.groups() if n]
    words = {w.lower() for w in re.split(r"[\s-]+", names[-1])} if names else set()
    found = {c for c, (surnames, phrases) in _WRITERS.items() if words & surnames or phrases.search(text)}
    return found.pop() if len(found) == 1 else None
