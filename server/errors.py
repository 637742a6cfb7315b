"""Domain errors. Each carries an HTTP-ish status; only the front ends translate them."""

from __future__ import annotations


class CoachError(Exception):
    """Base class: a problem the user can fix, with a message that says how."""

    status = 500


class CardError(CoachError):
    """The knowledge cards do not pass lint; the message lists every problem."""

    status = 422

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        head = f"{len(problems)} problem(s) in the knowledge cards; fix them and run `coach kb lint`:"
        super().__init__("\n".join([head, *problems]))


class IndexMissing(CoachError):
    """No usable index on disk."""

    status = 503


class IndexIncompatible(CoachError):
    """The index on disk was built with another model or dimension, or is damaged."""

    status = 503


class ModelLoadError(CoachError):
    """The embedding model could not be loaded offline."""

    status = 503


class IndexRefused(CoachError):
    """A new index build could not be loaded, so the one already serving stays in place."""

    status = 409
