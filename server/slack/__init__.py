"""Slack and Mattermost: verified webhook routes, Block Kit formatting, replies sent in the background, and the
Slack app manifest."""
