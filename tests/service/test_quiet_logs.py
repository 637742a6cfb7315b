"""`coach serve`'s logging keeps third-party start-up noise (faiss's loader, the sentence-transformers "Batches"
bar) at WARNING, unless --log-level debug. Run in fresh processes: the noise comes at import and first encode."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from server.settings import PROJECT_ROOT

SCRIPT = """
import logging.config, sys
from server.service.logs import logging_config
logging.config.dictConfig(logging_config(False, sys.argv[1]))
logging.getLogger("coach").info("coach says hello")
import faiss
from server.search.embedder import load_embedder
load_embedder().encode(["one", "two"])
"""


def _stderr(level: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    done = subprocess.run([sys.executable, "-c", SCRIPT, level], capture_output=True, text=True, timeout=300,
                          env=env, cwd=PROJECT_ROOT)
    assert done.returncode == 0, done.stderr
    return done.stderr


@pytest.mark.parametrize("level", ["info", "warning"])
def test_third_party_loaders_are_quiet_below_debug(level: str) -> None:
    stderr = _stderr(level)
    assert "faiss.loader" not in stderr and "Could not load library" not in stderr and "Batches" not in stderr
    assert ("coach says hello" in stderr) == (level == "info")  # our own INFO lines still show


def test_debug_shows_them() -> None:
    assert "faiss.loader" in _stderr("debug")
