"""What the benchmarks that drive a real server on loopback share: the queries and a port."""

from __future__ import annotations

import socket

# searches a new team might make: words, phrases, filters, sorting and paging
QUERIES = [
    {"q": "skolnärvaro"},
    {"q": "hembesök socialtjänst"},
    {"q": "få barn att röra på sig"},
    {"q": "föräldrastöd", "sort": "date"},
    {"q": "", "fokus": "Psykisk hälsa"},
    {"q": "familjecentral", "kommun": "Värnamo"},
    {"q": "närvaro", "sort": "date"},
    {"q": "trygghetscirkeln"},
    {"q": "läxhjälp bibliotek"},
    {"q": "", "page": "2"},
]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
