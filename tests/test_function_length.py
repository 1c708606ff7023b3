"""No function or method in the checked packages is longer than MAX_LINES lines."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 60
CHECKED = ("ingest", "search", "web")


def long_functions(root: Path, folders: tuple[str, ...], max_lines: int) -> list[str]:
    """``path:line name (n lines)`` for each function under ``root``'s ``folders`` longer than
    ``max_lines``, counted from its ``def`` line to its last line."""
    found = []
    for folder in folders:
        for path in sorted((root / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > max_lines:
                    where = path.relative_to(root).as_posix()
                    found.append(f"{where}:{node.lineno} {node.name} ({lines} lines)")
    return found


def test_no_function_is_longer_than_the_limit() -> None:
    assert long_functions(ROOT, CHECKED, MAX_LINES) == []


def test_long_functions_are_found(tmp_path: Path) -> None:
    body = "\n".join(f"    x{n} = {n}" for n in range(MAX_LINES))
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "mod.py").write_text(f"def short():\n    pass\n\n\ndef long():\n{body}\n")
    found = long_functions(tmp_path, ("pkg",), MAX_LINES)
    assert found == [f"pkg/mod.py:5 long ({MAX_LINES + 1} lines)"]
