"""The demo's brief opened in a real browser: Debian's Chromium, headless, 1280 px wide, saved as a PNG to look at.

The screenshot is kept in tests/artefacts/ (git-ignored) so a person can open it after a run. Where
/usr/bin/chromium is absent (`apt-get install -y chromium` puts it there) the test skips and says so.
"""

import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from brief.charts import colour
from brief.content import BriefFilter
from brief.files import BriefRequest, write_brief
from brief.period import between

CHROMIUM = Path("/usr/bin/chromium")
ARTEFACTS = Path(__file__).resolve().parents[1] / "artefacts"
WIDTH = 1280
PERIOD = between(date(2025, 11, 10), date(2025, 12, 7), date(2025, 12, 7))
"""Four weeks of the demo desk: a bar per day, most of the demo's kabupaten/kota, a dozen entries."""
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars")


def screenshot(page: Path, png: Path, height: int, profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", f"--window-size={WIDTH},{height}",
                           f"--screenshot={png}", page.as_uri()], capture_output=True, text=True, timeout=120)


def pixels_of(image: Image.Image, colour: str) -> int:
    wanted = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return sum(count for count, rgb in image.getcolors(WIDTH * image.height) if rgb[:3] == wanted)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed (/usr/bin/chromium): "
                    "apt-get install -y chromium to run the headless-browser check")
def test_the_demos_brief_renders_in_chromium(demo_engine, tmp_path):
    page = tmp_path / "brief.html"
    brief = write_brief(demo_engine, BriefRequest(PERIOD, BriefFilter(), page))
    assert len(brief.entries) >= 8
    ARTEFACTS.mkdir(exist_ok=True)
    png = ARTEFACTS / "brief-demo-1280.png"
    png.unlink(missing_ok=True)
    height = 1500 + 200 * len(brief.entries)
    (tmp_path / "profile").mkdir()
    result = screenshot(page, png, height, tmp_path / "profile")
    assert result.returncode == 0 and png.exists(), result.stderr[-2000:]

    image = Image.open(png).convert("RGB")
    assert image.size == (WIDTH, height)
    for type_id, _label, count in brief.by_type:
        if count.total:
            assert pixels_of(image, colour(type_id)) > 200, f"no {type_id} bar or swatch drawn"
    assert pixels_of(image, "#1a1a1a") > 5_000, "hardly any body text drawn"
