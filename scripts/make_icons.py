"""Draw the app's PNG icons (192 and 512 px) from its own SVG, with Chromium.

Some browsers install a web app only with PNG icons; they are made from
src/unknot/static/unknot/icon.svg, the project's own drawing, so the two never
differ. Run it again after changing the SVG:

    .venv/bin/python scripts/make_icons.py
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

STATIC = Path(__file__).resolve().parent.parent / "src" / "unknot" / "static" / "unknot"
SIZES = (192, 512)


def main() -> None:
    svg = (STATIC / "icon.svg").read_text("utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        for size in SIZES:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(
                "<!doctype html><style>html,body{margin:0}svg{display:block;"
                f"width:{size}px;height:{size}px}}</style>{svg}")
            page.screenshot(path=str(STATIC / f"icon-{size}.png"), omit_background=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
