"""Where a map's names go: each in the first of a few places around its point that is on the
picture and clear of the names and marks already placed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .views import View

Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass
class Labels:
    """Labels placed so that none overlaps another (a country's name with no room beside
    its marks is written at the end of a leader line: layout.py)."""

    view: View
    boxes: list[Box] = field(default_factory=list)
    # The callouts' leader lines, (from, to): a new callout's leader crosses none of them.
    leaders: list[tuple[tuple[float, float], tuple[float, float]]] = field(default_factory=list)

    def reserve(self, x: float, y: float, w: float, h: float) -> None:
        self.boxes.append((x, y, x + w, y + h))

    def on_picture(self, box: Box) -> bool:
        return not (box[0] < 0 or box[2] > self.view.width or box[1] < 0 or box[3] > self.view.height)

    def _clear(self, box: Box) -> bool:
        return not any(_overlap(box, other) for other in self.boxes)

    def crowding(self, box: Box) -> float:
        """How much of `box` the names and marks already placed cover (0: it is clear)."""
        return sum(
            max(0.0, min(box[2], o[2]) - max(box[0], o[0])) * max(0.0, min(box[3], o[3]) - max(box[1], o[1]))
            for o in self.boxes
        )

    def place(
        self,
        text: str,
        x: float,
        y: float,
        gap: float,
        rank: Callable[[Box], float] | None = None,
        gap_y: float | None = None,
    ) -> tuple[float, float, str] | None:
        """A one-line name `gap` units right or left of the point, `gap_y` (else `gap`) above
        or below it, or diagonally off it; or None: the first free place of the lowest `rank`
        (e.g. inside its own country, then over the least of other countries)."""
        size = self.view.font
        w, h = len(text) * size * 0.52, size * 1.1
        up = gap if gap_y is None else gap_y
        candidates = (
            (x + gap, y + h * 0.35, "start", x + gap),
            (x - gap, y + h * 0.35, "end", x - gap - w),
            (x, y - up - 2, "middle", x - w / 2),
            (x, y + up + h * 0.8, "middle", x - w / 2),
            # Diagonals, when all four sides cover other countries more.
            (x + gap * 0.5, y + up + h * 0.8, "start", x + gap * 0.5),
            (x - gap * 0.5, y + up + h * 0.8, "end", x - gap * 0.5 - w),
            (x + gap * 0.5, y - up - 2, "start", x + gap * 0.5),
            (x - gap * 0.5, y - up - 2, "end", x - gap * 0.5 - w),
        )
        free: list[tuple[float, int, Box, tuple[float, float, str]]] = []
        for lx, ly, anchor, left in candidates:
            box = (left, ly - h * 0.8, left + w, ly + h * 0.2)
            if self.on_picture(box) and self._clear(box):
                free.append((rank(box) if rank else 0, len(free), box, (round(lx, 1), round(ly, 1), anchor)))
        if not free:
            return None
        _, _, box, placed = min(free)
        self.boxes.append(box)
        return placed

    def place_block(
        self, candidates: list[tuple[float, float, str]], w: float, h: float, size: float
    ) -> tuple[float, float, str]:
        """The first candidate inside the view and clear of other labels; else the first
        inside the view (Viet Nam's names are always written)."""
        inside = []
        for x, y, anchor in candidates:
            box = _block_box(x, y, anchor, w, h, size)
            if not self.on_picture(box):
                continue
            inside.append((x, y, anchor, box))
            if self._clear(box):
                break
        else:
            if not inside:
                x, y, anchor = candidates[0]
                inside.append((x, y, anchor, _block_box(x, y, anchor, w, h, size)))
            inside = inside[:1]
        x, y, anchor, box = inside[-1]
        self.boxes.append(box)
        return round(x, 1), round(y, 1), anchor


def _block_box(x: float, y: float, anchor: str, w: float, h: float, size: float) -> Box:
    left = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
    return (left, y - size * 0.85, left + w, y - size * 0.85 + h)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
