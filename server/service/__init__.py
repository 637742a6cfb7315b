"""Serving one worker: the runtime it loads, typed dependencies, health and readiness, metrics, the access log,
body and rate limits, hot index reload and the admin routes."""
