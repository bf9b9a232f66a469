"""Draw the two illustrations of the sample story `stories/sample-music-teacher/`.

    .venv/bin/python tools/make_sample_images.py

The pictures are illustrations drawn with shapes, not photographs of people:

- `workshop.jpg` (3000 x 2000): a music room in warm colours: a music staff with notes above a
  stylised piano keyboard.
- `violin.jpg` (2000 x 3000 as displayed): a stylised violin and bow.

To exercise the site's image privacy pipeline, both files also carry FAKE camera EXIF data,
including GPS coordinates (0, 0). `violin.jpg` is stored rotated (3000 x 2000 pixels) with
EXIF Orientation = 6, so only a pipeline that applies the orientation shows it upright.
The published copies must have all of this removed.

Drawing is deterministic (no randomness), so running the script again gives the same pictures.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageOps
from PIL.ExifTags import GPS, IFD, Base

OUT_DIR = Path(__file__).resolve().parent.parent / "stories" / "sample-music-teacher"
SCALE = 2  # draw at twice the size, then shrink: smooth edges without an anti-aliasing API
QUALITY = 85

# Warm palette
CREAM = (250, 238, 214)
APRICOT = (244, 190, 130)
TERRACOTTA = (196, 98, 58)
DEEP_RED = (128, 44, 38)
HONEY = (224, 150, 60)
CHESTNUT = (150, 78, 36)
DARK_BROWN = (58, 34, 24)
IVORY = (255, 250, 240)
TEAL = (38, 92, 96)


def _vertical_gradient(size: tuple[int, int], top: tuple[int, ...], bottom: tuple[int, ...]):
    width, height = size
    column = Image.new("RGB", (1, height))
    for y in range(height):
        t = y / max(1, height - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        column.putpixel((0, y), colour)
    return column.resize(size)


def _note(
    draw: ImageDraw.ImageDraw, x: float, y: float, s: float, colour, *, stem_up=True, hollow=False
) -> None:
    """A note head (tilted look by a wide ellipse) with a stem."""
    rx, ry = 34 * s, 24 * s
    if hollow:
        draw.ellipse((x - rx, y - ry, x + rx, y + ry), outline=colour, width=round(9 * s))
    else:
        draw.ellipse((x - rx, y - ry, x + rx, y + ry), fill=colour)
    stem = 190 * s
    w = round(8 * s)
    if stem_up:
        draw.line((x + rx - w / 2, y, x + rx - w / 2, y - stem), fill=colour, width=w)
    else:
        draw.line((x - rx + w / 2, y, x - rx + w / 2, y + stem), fill=colour, width=w)


def draw_workshop() -> Image.Image:
    s = SCALE
    width, height = 3000 * s, 2000 * s
    image = _vertical_gradient((width, height), (252, 226, 180), (236, 160, 96))
    draw = ImageDraw.Draw(image)

    # A soft sun-like circle of light in the upper right (a lamp or a window glow).
    draw.ellipse((2150 * s, -350 * s, 3250 * s, 750 * s), fill=(253, 236, 200))
    draw.ellipse((2300 * s, -200 * s, 3100 * s, 600 * s), fill=(255, 244, 218))

    # Music staff: five lines across the upper half.
    staff_top, gap = 360 * s, 70 * s
    left, right = 220 * s, 2780 * s
    for i in range(5):
        y = staff_top + i * gap
        draw.line((left, y, right, y), fill=DARK_BROWN, width=round(7 * s))
    # Bar lines
    for x in (left, 1060 * s, 1900 * s, right):
        draw.line((x, staff_top, x, staff_top + 4 * gap), fill=DARK_BROWN, width=round(9 * s))
    # A stylised clef: two stacked circles and a vertical stroke.
    cx = 330 * s
    draw.line(
        (cx, staff_top - 90 * s, cx, staff_top + 4 * gap + 90 * s),
        fill=DEEP_RED,
        width=round(14 * s),
    )
    draw.ellipse(
        (cx - 70 * s, staff_top + 2 * gap, cx + 70 * s, staff_top + 4 * gap + 10 * s),
        outline=DEEP_RED,
        width=round(14 * s),
    )
    draw.ellipse(
        (cx - 45 * s, staff_top - 90 * s, cx + 45 * s, staff_top),
        outline=DEEP_RED,
        width=round(12 * s),
    )

    # Notes: positions on lines and spaces (0 = top line, 8 = bottom line).
    melody = [
        (540, 6),
        (700, 5),
        (860, 4),
        (1200, 3),
        (1360, 4),
        (1520, 2),
        (1700, 3),
        (2050, 5),
        (2220, 4),
        (2400, 6),
        (2600, 7),
    ]
    colours = [TERRACOTTA, DEEP_RED, CHESTNUT]
    for index, (x, step) in enumerate(melody):
        y = staff_top + step * gap / 2
        beamed = index in (4, 5)  # both stems up, joined by the beam below
        _note(
            draw,
            x * s,
            y,
            s,
            colours[index % 3],
            stem_up=step >= 4 or beamed,
            hollow=index in (3, 10),
        )
    # A beam joining the two eighth notes
    draw.polygon(
        [
            (1360 * s + 30 * s, staff_top + 2 * gap - 190 * s),
            (1520 * s + 30 * s, staff_top + 1 * gap - 190 * s),
            (1520 * s + 30 * s, staff_top + 1 * gap - 160 * s),
            (1360 * s + 30 * s, staff_top + 2 * gap - 160 * s),
        ],
        fill=DEEP_RED,
    )

    # Piano keyboard along the bottom, on a wooden case.
    case_top = 1180 * s
    draw.rounded_rectangle((120 * s, case_top, 2880 * s, 1960 * s), radius=40 * s, fill=CHESTNUT)
    draw.rectangle((120 * s, case_top + 40 * s, 2880 * s, case_top + 90 * s), fill=DEEP_RED)
    keys_top, keys_bottom = case_top + 130 * s, 1880 * s
    keys_left, keys_right = 200 * s, 2800 * s
    white_count = 21  # three octaves
    key_w = (keys_right - keys_left) / white_count
    for i in range(white_count):
        x0 = keys_left + i * key_w
        draw.rounded_rectangle(
            (x0 + 3 * s, keys_top, x0 + key_w - 3 * s, keys_bottom),
            radius=12 * s,
            fill=IVORY,
            outline=(190, 160, 130),
            width=round(3 * s),
        )
    black_after = {0, 1, 3, 4, 5}  # C#, D#, F#, G#, A# within each octave of white keys
    black_w, black_h = key_w * 0.58, (keys_bottom - keys_top) * 0.6
    for i in range(white_count - 1):
        if i % 7 in black_after:
            x = keys_left + (i + 1) * key_w
            draw.rounded_rectangle(
                (x - black_w / 2, keys_top, x + black_w / 2, keys_top + black_h),
                radius=8 * s,
                fill=DARK_BROWN,
            )

    # A few floating notes rising from the keyboard, in teal for contrast.
    for x, y in ((2350, 980), (2520, 900), (560, 1010)):
        _note(draw, x * s, y * s, s * 0.8, TEAL)

    return image.resize((3000, 2000), Image.Resampling.LANCZOS)


def draw_violin() -> Image.Image:
    """Upright (portrait) violin; the caller stores it rotated."""
    s = SCALE
    width, height = 2000 * s, 3000 * s
    image = _vertical_gradient((width, height), (40, 96, 100), (24, 62, 70))
    draw = ImageDraw.Draw(image)
    cx = 1000 * s

    # A warm circle behind the instrument.
    draw.ellipse((cx - 850 * s, 700 * s, cx + 850 * s, 2400 * s), fill=(236, 176, 110))

    # Body: upper and lower bouts (ellipses) joined by a waist, with the C-bouts cut out of
    # each side. Drawn as two masks: the outline (shapes grown by `rim`) and the top.
    rim = 18 * s
    upper = (cx - 430 * s, 1050 * s, cx + 430 * s, 1750 * s)
    lower = (cx - 520 * s, 1650 * s, cx + 520 * s, 2620 * s)
    waist = (cx - 330 * s, 1500 * s, cx + 330 * s, 2050 * s)
    bites = [
        (cx + side * 470 * s - 150 * s, 1570 * s, cx + side * 470 * s + 150 * s, 1990 * s)
        for side in (-1, 1)
    ]

    def body_mask(grow: float) -> Image.Image:
        mask = Image.new("L", (width, height), 0)
        paint = ImageDraw.Draw(mask)
        for box in (upper, lower):
            paint.ellipse((box[0] - grow, box[1] - grow, box[2] + grow, box[3] + grow), fill=255)
        paint.rectangle((waist[0] - grow, waist[1], waist[2] + grow, waist[3]), fill=255)
        for box in bites:
            paint.ellipse((box[0] + grow, box[1] + grow, box[2] - grow, box[3] - grow), fill=0)
        return mask

    image.paste(CHESTNUT, (0, 0, width, height), body_mask(rim))
    image.paste(HONEY, (0, 0, width, height), body_mask(0))
    draw = ImageDraw.Draw(image)
    # Inner shading
    draw.ellipse((cx - 300 * s, 1820 * s, cx + 300 * s, 2480 * s), fill=(232, 164, 72))

    # f-holes: an elongated stroke with a round end at each tip.
    for side in (-1, 1):
        fx = cx + side * 210 * s
        draw.line(
            (fx + side * 30 * s, 1720 * s, fx - side * 30 * s, 2130 * s),
            fill=DARK_BROWN,
            width=round(16 * s),
        )
        for px, py in ((fx + side * 30 * s, 1720 * s), (fx - side * 30 * s, 2130 * s)):
            draw.ellipse((px - 26 * s, py - 26 * s, px + 26 * s, py + 26 * s), fill=DARK_BROWN)
        draw.line(
            (fx - 40 * s, 1925 * s, fx + 40 * s, 1925 * s), fill=DARK_BROWN, width=round(10 * s)
        )

    # Neck and fingerboard
    draw.rectangle((cx - 70 * s, 420 * s, cx + 70 * s, 1100 * s), fill=CHESTNUT)
    draw.polygon(
        [
            (cx - 75 * s, 420 * s),
            (cx + 75 * s, 420 * s),
            (cx + 105 * s, 1950 * s),
            (cx - 105 * s, 1950 * s),
        ],
        fill=DARK_BROWN,
    )
    # Pegbox and scroll
    draw.rectangle((cx - 80 * s, 170 * s, cx + 80 * s, 440 * s), fill=CHESTNUT)
    draw.ellipse((cx - 130 * s, 40 * s, cx + 130 * s, 300 * s), fill=CHESTNUT)
    draw.ellipse((cx - 80 * s, 90 * s, cx + 80 * s, 250 * s), fill=HONEY)
    draw.ellipse((cx - 40 * s, 130 * s, cx + 40 * s, 210 * s), fill=CHESTNUT)
    # Pegs
    for i, y in enumerate((250, 330, 290, 380)):
        side = -1 if i % 2 == 0 else 1
        x0 = cx + side * 80 * s
        x1 = cx + side * 230 * s
        draw.line((x0, y * s, x1, y * s), fill=DARK_BROWN, width=round(24 * s))
        draw.ellipse((x1 - 34 * s, y * s - 34 * s, x1 + 34 * s, y * s + 34 * s), fill=DARK_BROWN)

    # Bridge and tailpiece
    draw.polygon(
        [
            (cx - 150 * s, 2150 * s),
            (cx + 150 * s, 2150 * s),
            (cx + 120 * s, 2200 * s),
            (cx - 120 * s, 2200 * s),
        ],
        fill=IVORY,
    )
    draw.polygon(
        [
            (cx - 95 * s, 2280 * s),
            (cx + 95 * s, 2280 * s),
            (cx + 60 * s, 2600 * s),
            (cx - 60 * s, 2600 * s),
        ],
        fill=DARK_BROWN,
    )
    # Chin rest hint
    draw.ellipse((cx + 120 * s, 2470 * s, cx + 380 * s, 2600 * s), fill=DARK_BROWN)

    # Four strings from the pegbox to the tailpiece.
    for i in range(4):
        top_x = cx + (-36 + i * 24) * s
        bottom_x = cx + (-75 + i * 50) * s
        draw.line((top_x, 430 * s, bottom_x, 2300 * s), fill=(245, 235, 210), width=round(5 * s))

    # Bow: a long diagonal stick with its hair, crossing behind the lower right.
    draw.line((300 * s, 2900 * s, 1850 * s, 620 * s), fill=CHESTNUT, width=round(26 * s))
    draw.line((345 * s, 2930 * s, 1880 * s, 680 * s), fill=IVORY, width=round(12 * s))
    draw.rectangle((270 * s, 2820 * s, 390 * s, 2960 * s), fill=DARK_BROWN)

    return image.resize((2000, 3000), Image.Resampling.LANCZOS)


def fake_camera_exif(orientation: int) -> Image.Exif:
    """Made-up camera data with GPS (0, 0): the site must strip all of it."""
    exif = Image.Exif()
    exif[Base.Make] = "SampleCam"
    exif[Base.Model] = "Model S-1 (fake, for testing)"
    exif[Base.Software] = "tools/make_sample_images.py"
    exif[Base.DateTime] = "2026:09:01 10:00:00"
    exif[Base.Artist] = "Latvian Roma Platform (sample)"
    exif[Base.Orientation] = orientation
    camera = exif.get_ifd(IFD.Exif)
    camera[Base.DateTimeOriginal] = "2026:09:01 10:00:00"
    camera[Base.ExposureTime] = 1 / 125
    camera[Base.FNumber] = 4.0
    camera[Base.ISOSpeedRatings] = 200
    gps = exif.get_ifd(IFD.GPSInfo)
    gps[GPS.GPSVersionID] = b"\x02\x03\x00\x00"
    gps[GPS.GPSLatitudeRef] = "N"
    gps[GPS.GPSLatitude] = (0.0, 0.0, 0.0)
    gps[GPS.GPSLongitudeRef] = "E"
    gps[GPS.GPSLongitude] = (0.0, 0.0, 0.0)
    gps[GPS.GPSAltitudeRef] = b"\x00"
    gps[GPS.GPSAltitude] = 0.0
    return exif


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)

    workshop = draw_workshop()
    workshop.save(
        OUT_DIR / "workshop.jpg", "JPEG", quality=QUALITY, exif=fake_camera_exif(orientation=1)
    )

    # Orientation 6 = "rotate 90 degrees clockwise to display": store the upright picture
    # turned 90 degrees counter-clockwise (Image.rotate turns counter-clockwise).
    violin_upright = draw_violin()
    stored = violin_upright.rotate(90, expand=True)
    stored.save(
        OUT_DIR / "violin.jpg", "JPEG", quality=QUALITY, exif=fake_camera_exif(orientation=6)
    )

    # Self-check: the stored sizes, and that applying the orientation restores portrait.
    with Image.open(OUT_DIR / "violin.jpg") as check:
        assert check.size == (3000, 2000), check.size
        assert check.getexif().get(Base.Orientation) == 6
        assert ImageOps.exif_transpose(check).size == (2000, 3000)
    for name in ("workshop.jpg", "violin.jpg"):
        path = OUT_DIR / name
        with Image.open(path) as check:
            gps = check.getexif().get_ifd(IFD.GPSInfo)
            assert gps, f"{name}: GPS data missing"
        print(f"{path.relative_to(OUT_DIR.parent.parent)}: {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
