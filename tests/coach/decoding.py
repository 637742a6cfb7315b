"""What the decoder finds in a message as the engine reads it: the partner's words only."""

from __future__ import annotations

from server.coach.decode import Decoder
from server.coach.understand import understand


def decoded(decoder: Decoder, message: str) -> set[str]:
    u = understand(message)
    return {f.phrase.expression for f in decoder.partners(message, u.partner_text, u.asian_partner)}
