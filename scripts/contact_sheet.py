"""Every move's picture on one page, for a person to look at.

    .venv/bin/python scripts/contact_sheet.py OUT_DIR [--moving]

Writes OUT_DIR/contact-sheet.html (the pictures, each named, on a light half and
a dark half) and screenshots it with Debian's chromium, full page, at 1280x800
(contact-1280.png) and 390x844 (contact-390.png). The pictures keep one palette
whatever the browser prefers, so the two halves show them on white and on
near-black. By default the screenshots ask for reduced motion, so
each moving picture shows its start ghosted behind its end (as <object>:
Chromium does not pass that emulated preference into <img>); --moving takes
them as <img>, the way the site shows them, caught mid-move.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from unknot.engine.figures import all_item_ids, item_names, move_alt, render_move

SIZES = {"1280": (1280, 800), "390": (390, 844)}
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
STYLE = """
body { margin: 0; font: 13px/1.3 system-ui, sans-serif; }
section { padding: 12px; display: grid; gap: 10px 14px;
          grid-template-columns: repeat(auto-fill, 160px); }
.light { background: #fff; color: #222; }
.dark { background: #16191d; color: #ddd; }
h2 { grid-column: 1 / -1; margin: 4px 0; font-size: 15px; }
figure { margin: 0; }
figure > object, figure > img { width: 160px; height: 120px; display: block; }
figcaption { margin-top: 2px; }
"""


def sheet(out: Path, moving: bool) -> Path:
    pictures = out / "moves"
    pictures.mkdir(parents=True, exist_ok=True)
    names = item_names()
    cells = []
    for item_id in all_item_ids():
        (pictures / f"{item_id}.svg").write_text(render_move(item_id), "utf-8")
        src = f"moves/{item_id}.svg"
        alt = html.escape(move_alt(item_id))
        picture = (f'<img src="{src}" alt="{alt}" width="160" height="120">' if moving
                   else f'<object data="{src}" type="image/svg+xml" aria-label="{alt}"></object>')
        cells.append(f"<figure>{picture}<figcaption>{html.escape(names[item_id])}"
                     f"</figcaption></figure>")
    body = "".join(cells)
    page = out / "contact-sheet.html"
    page.write_text(
        f"<!doctype html><meta charset=utf-8><title>Unknot moves</title><style>{STYLE}</style>"
        f'<section class="light"><h2>{len(cells)} moves, light</h2>{body}</section>'
        f'<section class="dark"><h2>{len(cells)} moves, dark</h2>{body}</section>', "utf-8")
    return page


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    moving = "--moving" in sys.argv[2:]
    page_file = sheet(out, moving)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for label, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height},
                                    reduced_motion="no-preference" if moving else "reduce")
            page.goto(page_file.resolve().as_uri())
            page.wait_for_load_state("load")
            # Pictures below the fold are only painted once in view: show the whole
            # page at once, then take it at the asked-for width.
            full = page.evaluate("document.documentElement.scrollHeight")
            page.set_viewport_size({"width": width, "height": full})
            page.wait_for_timeout(1500)
            page.screenshot(path=str(out / f"contact-{label}.png"), full_page=True)
            page.close()
        browser.close()
    print(f"{out / 'contact-1280.png'} and {out / 'contact-390.png'}")


if __name__ == "__main__":
    main()
