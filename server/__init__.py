"""Co-Production Coach: cross-cultural coaching for Asian-US co-productions."""

__version__ = "0.1.0"
