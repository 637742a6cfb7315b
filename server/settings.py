"""Typed settings, read from COACH_* environment variables and a .env file."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = "all-MiniLM-L6-v2"
EMBED_BACKENDS = ("torch", "onnx", "onnx-int8")


def _parse_networks(text: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """Comma-separated addresses or CIDR networks; ValueError naming the first entry that is neither."""
    networks = []
    for entry in (e.strip() for e in text.split(",")):
        if entry:
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                raise ValueError(f"COACH_TRUSTED_PROXIES: '{entry}' is not an IP address or CIDR network "
                                 "(e.g. 10.0.0.0/8, 2001:db8::/32, 192.0.2.7)") from None
    return networks


class Settings(BaseSettings):
    """Every knob of the coach; build one at start-up and pass it in (no module-level instance)."""

    model_config = SettingsConfigDict(
        env_prefix="COACH_", env_file=".env", env_ignore_empty=True, extra="ignore"
    )

    knowledge_dir: Path = Field(PROJECT_ROOT / "knowledge", description="Folder with cards/ and topics.yaml.")
    index_dir: Path = Field(PROJECT_ROOT / "var" / "index", description="Where the built index lives.")
    cache_dir: Path = Field(
        PROJECT_ROOT / "var" / "cache", description="Embedding cache (passage hash + model), kept across builds."
    )
    embed_model: str = Field(
        DEFAULT_MODEL,
        description="sentence-transformers model name or local path; the default is the bundled offline copy.",
    )
    embed_backend: str = Field(
        "onnx", description="Encoder runtime: 'onnx' (ONNX Runtime, fp32; the default), 'onnx-int8' (dynamic int8, "
        "needs its own index build) or 'torch'. torch and onnx vectors are interchangeable.")
    model_export_dir: Path = Field(
        PROJECT_ROOT / "var" / "models", description="ONNX exports of the model, keyed by model and exporter version.")
    index_type: str = Field("flat", description="FAISS index: 'flat' (exact) or 'hnsw' (approximate).")
    embed_batch_size: int = Field(32, ge=1, le=1024, description="Passages per embedding batch when building.")
    rrf_k: int = Field(60, ge=1, description="Reciprocal-rank-fusion constant.")

    database_url: str = Field(
        f"sqlite:///{PROJECT_ROOT / 'var' / 'coach.db'}",
        description="SQLAlchemy URL for conversations and feedback (SQLite file by default, or PostgreSQL).",
    )
    retention_days: int = Field(90, ge=0, description="Delete conversations idle this many days (0 keeps them).")
    scope_threshold: float | None = Field(None, ge=0, le=1, description=(
        "Confidence below this declines politely (default: the cut-off trained with the ranker)."))
    clarify_threshold: float | None = Field(None, ge=0, le=1, description=(
        "Confidence below this offers the closest guidance and choices (default: trained with the ranker)."))
    llm_base_url: str | None = Field(None, description="OpenAI-compatible server, e.g. http://localhost:11434/v1.")
    llm_model: str = Field("llama3.1", description="Model name on the LLM server.")
    llm_api_key: str = Field("not-needed", description="API key for the LLM server, if it wants one.")
    llm_timeout: float = Field(30.0, gt=0, description="Seconds before the LLM answer falls back to grounded.")

    slack_signing_secret: str | None = Field(
        None, description="Slack app signing secret; Slack routes are off without it.")
    slack_bot_token: str | None = Field(None, description="Slack bot token (xoxb-...) for replies in threads.")
    slack_api_url: str = Field("https://slack.com/api/", description="Slack Web API base URL (tests point it locally).")
    mattermost_token: str | None = Field(
        None, description="Mattermost slash-command token; the route is off without it.")
    max_body_bytes: int = Field(64_000, ge=1024, description="Larger webhook bodies are refused with 413.")

    reload_interval: float = Field(
        2.0, ge=0, description="Seconds between checks of the index's build id (0 turns the watcher off).")
    admin_token: str | None = Field(None, description="Bearer token for /admin/*; admin routes are off without it.")
    log_messages: bool = Field(False, description="Put message text in the request log (debugging only).")
    max_request_bytes: int = Field(1_000_000, ge=1024, description="Larger request bodies are refused with 413.")
    max_json_depth: int = Field(32, ge=2, le=500, description="JSON bodies nested deeper are refused with 400.")
    api_rate_per_minute: float = Field(
        60.0, ge=0, description="Sustained questions per client per minute, API and web chat together (and as many "
        "ratings and card searches); 0 turns the limits off.")
    api_rate_burst: int = Field(20, ge=1, description="Questions a client may send at once before 429.")
    rate_limit_storage: str = Field(
        "memory://", description="Where the rate limits keep count: memory:// (each worker its own) or "
        "redis://host:6379/0 (shared by every worker and replica).")
    trusted_proxies: str = Field(
        "", description="Comma-separated addresses or CIDR networks of reverse proxies whose X-Forwarded-For is "
        "believed; empty (the default) believes none.")
    secret_key: SecretStr | None = Field(
        None, min_length=32, description="Signs the web chat's browser cookie; unset: generated once into "
        "secret_key_file. Set the same value on every replica.")
    secret_key_file: Path = Field(
        PROJECT_ROOT / "var" / "secret_key", description="Where the generated cookie-signing key is kept.")

    https_only: bool = Field(
        False, description="The site is reached over HTTPS only (behind a TLS proxy): cookies are marked Secure, and "
        "COACH_HSTS_MAX_AGE may be set.")
    hsts_max_age: int = Field(
        0, ge=0, description="Seconds for Strict-Transport-Security (e.g. 31536000); 0 sends no HSTS header. Needs "
        "COACH_HTTPS_ONLY=true.")
    api_docs: bool = Field(False, description="Serve /docs and /redoc (their scripts come from a public CDN).")
    retention_interval: float = Field(
        86_400.0, gt=0, description="Seconds between retention runs (the first runs at start-up).")
    max_conversation_turns: int = Field(
        200, ge=2, description="Turns kept per conversation (a question and its answer are two); older ones go.")

    @model_validator(mode="after")
    def _hsts_needs_https(self) -> Settings:
        if self.hsts_max_age > 0 and not self.https_only:
            raise ValueError("COACH_HSTS_MAX_AGE is set but COACH_HTTPS_ONLY is not: HSTS makes browsers refuse plain "
                             "HTTP for that long, so set COACH_HTTPS_ONLY=true once the site is served over HTTPS")
        return self

    @field_validator("index_type")
    @classmethod
    def _known_index_type(cls, value: str) -> str:
        if value not in ("flat", "hnsw"):
            raise ValueError(f"COACH_INDEX_TYPE has value '{value}'. Use 'flat' or 'hnsw'.")
        return value

    @field_validator("rate_limit_storage")
    @classmethod
    def _known_storage(cls, value: str) -> str:
        if not value.startswith(("memory://", "redis://", "rediss://", "redis+unix://")):
            raise ValueError(f"COACH_RATE_LIMIT_STORAGE has value '{value}'. Use memory:// or a Redis URL such as "
                             "redis://localhost:6379/0.")
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: str) -> str:
        _parse_networks(value)
        return value

    @property
    def trusted_networks(self) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
        return _parse_networks(self.trusted_proxies)

    @field_validator("embed_backend")
    @classmethod
    def _known_embed_backend(cls, value: str) -> str:
        if value not in EMBED_BACKENDS:
            raise ValueError(f"COACH_EMBED_BACKEND has value '{value}'. Use one of: {', '.join(EMBED_BACKENDS)}.")
        return value

    @property
    def cards_dir(self) -> Path:
        return self.knowledge_dir / "cards"

    @property
    def topics_file(self) -> Path:
        return self.knowledge_dir / "topics.yaml"
