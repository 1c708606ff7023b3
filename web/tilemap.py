"""A hexagon tile map of the 13 municipalities of Jönköpings län, roughly where they lie."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ingest.lexicon import COUNTY_MUNICIPALITIES

# (column, row) in an offset grid: odd rows are shifted half a tile to the right.
POSITIONS: dict[str, tuple[int, int]] = {
    "Mullsjö": (0, 0),
    "Habo": (1, 0),
    "Tranås": (3, 0),
    "Jönköping": (0, 1),
    "Nässjö": (1, 1),
    "Aneby": (2, 1),
    "Gnosjö": (0, 2),
    "Vaggeryd": (1, 2),
    "Sävsjö": (2, 2),
    "Eksjö": (3, 2),
    "Gislaved": (0, 3),
    "Värnamo": (1, 3),
    "Vetlanda": (2, 3),
}
COUNTY_SORTED = COUNTY_MUNICIPALITIES
RADIUS = 46.0
PAD = 8.0


@dataclass
class Tile:
    name: str
    status: str
    x: float
    y: float
    points: str
    label_y: float
    mark: str
    year: int | str | None = None


def _hex_points(cx: float, cy: float, r: float) -> str:
    points = []
    for i in range(6):
        angle = math.radians(60 * i - 30)  # pointy top
        points.append(f"{cx + r * math.cos(angle):.1f},{cy + r * math.sin(angle):.1f}")
    return " ".join(points)


def tiles(
    statuses: dict[str, str], marks: dict[str, str],
    years: dict[str, int | str | None] | None = None,
) -> tuple[list[Tile], float, float]:
    """The tiles with each municipality's status and mark, and the SVG width and height."""
    width = math.sqrt(3) * RADIUS
    result = []
    for name, (col, row) in POSITIONS.items():
        cx = PAD + width / 2 + width * (col + 0.5 * (row % 2))
        cy = PAD + RADIUS + row * 1.5 * RADIUS
        status = statuses[name]
        result.append(
            Tile(
                name=name,
                status=status,
                x=round(cx, 1),
                y=round(cy, 1),
                points=_hex_points(cx, cy, RADIUS - 2),
                label_y=round(cy - 4, 1),
                mark=marks[name],
                year=(years or {}).get(name),
            )
        )
    cols = max(c + 0.5 * (r % 2) for c, r in POSITIONS.values()) + 1
    rows = max(r for _, r in POSITIONS.values())
    svg_width = round(2 * PAD + width * cols, 1)
    svg_height = round(2 * PAD + 2 * RADIUS + rows * 1.5 * RADIUS, 1)
    return result, svg_width, svg_height
