"""Slack and Mattermost: verified webhook routes, Block Kit formatting and the replies sent in the background.
(The Slack app manifest is printed by `coach slack manifest`, in cli/slack.py.)"""
