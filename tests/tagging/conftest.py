"""The tagging pipeline, loaded once per test run."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def tagging_loaded() -> None:
    from ingest.tagging import load

    load()
