"""A server-rendered SVG trend chart: realisations as a line, targets as markers. No script is
needed, and the page shows the same data as a table for screen readers."""

from dataclasses import dataclass
from decimal import Decimal

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 36


@dataclass
class Point:
    x: float
    y: float
    label: str

    @property
    def label_x(self) -> float:
        return round(self.x - 6, 1)

    @property
    def marker_x(self) -> float:
        return round(self.x - 6, 1)

    @property
    def marker_y(self) -> float:
        return round(self.y - 2, 1)


@dataclass
class Chart:
    width: int
    height: int
    realised: list[Point]
    targets: list[Point]
    x_ticks: list[Point]
    y_ticks: list[Point]
    baseline: float
    plot_left: int
    plot_right: int

    @property
    def realised_path(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.realised)


def trend_chart(rows: list[dict]) -> Chart | None:
    """``rows``: dicts with ``year``, ``realised`` (Decimal or None), ``target`` (Decimal or None)
    and their display texts."""
    values = [r[key] for r in rows for key in ("realised", "target") if r[key] is not None]
    if not rows or not values:
        return None
    steps = 4
    step = nice_step(max(Decimal(1), max(values)) * Decimal("1.15") / steps)
    top = step * steps
    years = [r["year"] for r in rows]
    span = max(1, len(years) - 1)

    def x(index: int) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * index / span

    def y(value: Decimal) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * float(1 - value / top)

    realised = [
        Point(x(i), y(r["realised"]), r["realised_text"])
        for i, r in enumerate(rows)
        if r["realised"] is not None
    ]
    targets = [
        Point(x(i), y(r["target"]), r["target_text"])
        for i, r in enumerate(rows)
        if r["target"] is not None
    ]
    y_ticks = [Point(LEFT, y(step * n), _tick_label(step * n)) for n in range(steps + 1)]
    x_ticks = [Point(x(i), HEIGHT - BOTTOM + 18, str(year)) for i, year in enumerate(years)]
    return Chart(
        WIDTH, HEIGHT, realised, targets, x_ticks, y_ticks, y(Decimal(0)), LEFT, WIDTH - RIGHT
    )


def nice_step(raw: Decimal) -> Decimal:
    """The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least ``raw``, so the
    axis reads 0, 2, 4, 6, 8 rather than 0, 1.4, 2.9, 4.3."""
    raw = max(raw, Decimal("0.0001"))
    magnitude = Decimal(10) ** (raw.adjusted())
    for factor in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10)):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude


def _tick_label(value: Decimal) -> str:
    """Dutch notation, as the budget writes numbers: 1.000 and 2,5."""
    if value == value.to_integral_value():
        return f"{int(value):,}".replace(",", ".")
    return f"{value.normalize():f}".replace(".", ",")
