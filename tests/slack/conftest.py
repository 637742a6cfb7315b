"""The Slack fixtures of test_webhook.py (a local Slack, the app client, its store) for the other Slack tests."""

from .test_webhook import _fresh_slack, client, settings, slack, store  # noqa: F401
