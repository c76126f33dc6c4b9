"""Draw the Teams app icons: color.png (192x192) and outline.png (32x32, white on transparent).

The mark is an "A" built as a small network: three nodes joined by edges, with a crossbar
between two further nodes. Run `python appmanifest/make_icons.py` after changing the design.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ACCENT = (0x0B, 0x6E, 0x69)  # keep in sync with accentColor in manifest.template.json
WHITE = (255, 255, 255)
SUPERSAMPLE = 8  # draw large, then downscale: cheap anti-aliasing

# The mark in unit coordinates (0..1 of the mark's box): apex, feet, crossbar ends.
_APEX = (0.5, 0.0)
_LEFT = (0.0, 1.0)
_RIGHT = (1.0, 1.0)
_BAR_L = (0.2, 0.6)  # on the legs
_BAR_R = (0.8, 0.6)
_EDGES = ((_APEX, _LEFT), (_APEX, _RIGHT), (_BAR_L, _BAR_R))
_NODES = ((_APEX, 1.0), (_LEFT, 1.0), (_RIGHT, 1.0), (_BAR_L, 0.7), (_BAR_R, 0.7))


def _mark_mask(
    size: int, box: tuple[float, float, float, float], stroke: float, node: float
) -> Image.Image:
    """Return an anti-aliased alpha mask ("L") of the network "A" inside box (pixels)."""
    big = size * SUPERSAMPLE
    mask = Image.new("L", (big, big), 0)
    draw = ImageDraw.Draw(mask)
    x0, y0, x1, y1 = (v * SUPERSAMPLE for v in box)

    def at(point: tuple[float, float]) -> tuple[float, float]:
        return (x0 + point[0] * (x1 - x0), y0 + point[1] * (y1 - y0))

    width = round(stroke * SUPERSAMPLE)
    for start, end in _EDGES:
        draw.line([at(start), at(end)], fill=255, width=width)
    for point, scale in _NODES:
        radius = node * scale * SUPERSAMPLE / 2
        cx, cy = at(point)
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=255)
    return mask.resize((size, size), Image.Resampling.LANCZOS)


def color_icon() -> Image.Image:
    """192x192: rounded square in the accent colour with the white mark."""
    size = 192
    big = size * SUPERSAMPLE
    background = Image.new("L", (big, big), 0)
    ImageDraw.Draw(background).rounded_rectangle(
        [0, 0, big - 1, big - 1], radius=40 * SUPERSAMPLE, fill=255
    )
    image = Image.new("RGBA", (size, size), (*ACCENT, 0))
    image.putalpha(background.resize((size, size), Image.Resampling.LANCZOS))
    mark = _mark_mask(size, (52, 46, 140, 142), stroke=10, node=26)
    image.paste(Image.new("RGBA", (size, size), (*WHITE, 255)), (0, 0), mark)
    return image


def outline_icon() -> Image.Image:
    """32x32: the mark alone, pure white with alpha, transparent elsewhere."""
    size = 32
    mask = _mark_mask(size, (5, 4, 27, 28), stroke=2.5, node=6.5)
    image = Image.new("RGBA", (size, size), (*WHITE, 0))
    image.putalpha(mask)  # colour channels stay white everywhere, only alpha varies
    return image


def main(out_dir: Path | None = None) -> None:
    """Write color.png and outline.png next to this script (or into out_dir)."""
    target = out_dir or Path(__file__).resolve().parent
    color_icon().save(target / "color.png", optimize=True)
    outline_icon().save(target / "outline.png", optimize=True)


if __name__ == "__main__":
    main()
