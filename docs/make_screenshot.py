"""Make docs/screenshot.png, the README's picture of PeerLearn.

Loads the demo data into a throw-away SQLite database, serves it from a thread
of this process and photographs the list of local governments with Debian's
Chromium through Playwright (no browser is downloaded):

    .venv/bin/python docs/make_screenshot.py [--page /local-governments/] [--output PATH]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

DOCS = Path(__file__).resolve().parent
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT: ViewportSize = {"width": 1280, "height": 800}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", default="/local-governments/", help="path to photograph")
    parser.add_argument("--output", type=Path, default=DOCS / "screenshot.png")
    options = parser.parse_args()
    if not CHROMIUM.exists():
        print(f"Chromium is missing at {CHROMIUM}: apt-get install chromium", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory(prefix="peerlearn-screenshot-") as var_dir:
        # Settings come from the environment only; set it before Django reads it.
        os.environ.pop("DATABASE_URL", None)
        os.environ.update(
            {
                "DJANGO_SETTINGS_MODULE": "peerlearn.settings",
                "PEERLEARN_VAR_DIR": var_dir,
                "DEBUG": "1",
                "LOG_LEVEL": "WARNING",
                "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1",
            }
        )
        sys.path.insert(0, str(DOCS.parent))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("load_demo", stdout=io.StringIO())
        size = photograph(options.page, options.output)
    print(f"{options.output} ({size // 1024} KB)")
    return 0


def photograph(path: str, output: Path) -> int:
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application
    from playwright.sync_api import sync_playwright

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
    server.set_app(get_wsgi_application())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            page = browser.new_page(
                base_url=f"http://127.0.0.1:{server.server_port}",
                viewport=VIEWPORT,
                locale="en-GB",
                device_scale_factor=1,
            )
            response = page.goto(path)
            if response is None or not response.ok:
                raise SystemExit(f"{path} answered {response and response.status}")
            page.screenshot(path=output)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return output.stat().st_size


if __name__ == "__main__":
    sys.exit(main())
