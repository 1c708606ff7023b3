"""Rate-limit counts in the data directory: every process serving it counts together."""

from __future__ import annotations

from pathlib import Path

from search.ratelimits import Counters, counters


def test_two_connections_count_together(tmp_path: Path) -> None:
    one, other = counters(tmp_path), counters(tmp_path)  # as two serving processes
    try:
        assert [one.incr("search/1.2.3.4", 60), other.incr("search/1.2.3.4", 60),
                one.incr("search/1.2.3.4", 60)] == [1, 2, 3]
        assert other.get("search/1.2.3.4") == 3
        assert other.get("search/5.6.7.8") == 0
        assert one.expiry("search/1.2.3.4") == other.expiry("search/1.2.3.4")
        other.clear("search/1.2.3.4")
        assert one.get("search/1.2.3.4") == 0
    finally:
        one.close()
        other.close()


def test_an_expired_window_starts_over(tmp_path: Path) -> None:
    store = Counters(tmp_path / "limits.sqlite3")
    try:
        assert store.incr("login/1.2.3.4", 0) == 1  # a window that is already over
        assert store.get("login/1.2.3.4") == 0
        assert store.incr("login/1.2.3.4", 60) == 1  # a new window, counted from one
        assert store.incr("login/1.2.3.4", 60, amount=2) == 3
        assert store.reset() == 1
        assert store.get("login/1.2.3.4") == 0
    finally:
        store.close()
