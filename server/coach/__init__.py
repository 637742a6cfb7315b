"""The answer engine. `Answerer.answer(Ask) -> Answer` is the one seam every front end calls: scope, follow-ups,
decoding partner phrases, grounded composition from the cards, and the optional LLM writer."""
