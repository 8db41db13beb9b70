#!/usr/bin/env python3
"""Drives headless Chromium over the DevTools protocol to test the generated course site.

Opens pages from file://, records console errors, uncaught exceptions and failed resource
loads, uses the search box (TeX-free excerpts, marked matches, British spellings, typos, one
CJK character), checks heat-map legibility and dark figures, the copy button, ←/→, the
language switch's section, the print page, and — with LLMCOURSE_BIN and LLMCOURSE_COURSE
set — live reload under `site serve`; saves screenshots. Exits 1 if anything failed.

Only the standard library: the DevTools client is Scripts/lib/devtools.py.

Usage: browser-test.py CHROMIUM SITE_DIR SCREENSHOT_DIR
"""
import base64, json, os, re, shutil, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from devtools import Browser, WebSocket  # noqa: E402  (group-browser-test.py uses Browser from here)


def check_live_reload(browser, expect, shots):
    """`site serve` with LLMCOURSE_BIN and LLMCOURSE_COURSE set: an open page reloads itself
    after a lesson file changes (its modification time is enough to trigger a rebuild)."""
    binary, course = os.environ.get("LLMCOURSE_BIN"), os.environ.get("LLMCOURSE_COURSE")
    if not binary or not course:
        print("  (live reload not tested: LLMCOURSE_BIN and LLMCOURSE_COURSE unset)")
        return
    out = tempfile.mkdtemp(prefix="llmcourse-serve-")
    server = subprocess.Popen([binary, "site", "serve", "--quick-demos", "--course", course, "--out", out, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = None
        deadline = time.time() + 300
        while url is None and time.time() < deadline:
            line = server.stdout.readline()
            if not line:
                break
            m = re.search(r"http://[0-9.]+:[0-9]+/", line)
            url = m.group(0) if m else None
        expect(url, "site serve printed no address")
        if not url:
            return
        browser.call("Page.navigate", url=url + "lessons/attention.html")
        browser.wait_event("Page.loadEventFired")
        browser.evaluate("window.__beforeReload = true")
        roadmap = os.path.join(course, "Lessons", "roadmap.md")
        os.utime(roadmap, None)
        try:
            browser.wait_event("Page.loadEventFired", timeout=60)
            expect(browser.evaluate("window.__beforeReload === undefined"), "the page did not reload after the rebuild")
            print("  live reload: the page reloaded after a rebuild")
        except RuntimeError:
            expect(False, "the served page did not reload within 60 s of a change")
        browser.problems()
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(out, ignore_errors=True)


def main():
    chromium, site, shots = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
    os.makedirs(shots, exist_ok=True)
    lessons = sorted(f for f in os.listdir(os.path.join(site, "lessons")) if f.endswith(".html") and f != "print.html")
    with_math = [f for f in lessons if 'class="math' in open(os.path.join(site, "lessons", f), encoding="utf-8").read()]
    lesson = (with_math or lessons)[0]
    failures = []
    browser = Browser(chromium)

    def visit(path, name, width=1280, height=900, dark=False, check=None):
        browser.call("Emulation.setDeviceMetricsOverride", width=width, height=height,
                     deviceScaleFactor=1, mobile=width < 600)
        browser.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}])
        browser.call("Page.navigate", url="file://" + os.path.join(site, path))
        browser.wait_event("Page.loadEventFired")
        time.sleep(0.3)  # fonts and KaTeX settle
        if check:
            check()
        data = browser.call("Page.captureScreenshot", format="png")["data"]
        with open(os.path.join(shots, name + ".png"), "wb") as f:
            f.write(base64.b64decode(data))
        for p in browser.problems():
            failures.append(f"{path}: {p}")
        print(f"  {name}.png  ({path})")

    def expect(condition, message):
        if not condition:
            failures.append(message)

    def check_page():
        expect(browser.evaluate("document.querySelector('nav.sidebar a') !== null"), "no sidebar links")
        expect(browser.evaluate("document.querySelector('.lang-switch') !== null"), "no language switch")

    def check_math():
        if browser.evaluate("document.querySelector('.math') !== null"):
            expect(browser.evaluate("!window.katex || document.querySelector('.math .katex') !== null"),
                   "KaTeX was loaded but rendered no formula")

    def check_figures():
        browser.evaluate("Promise.all(Array.from(document.querySelectorAll('.demo-figure img')).map(function (i) {"
                         " i.loading = 'eager'; return i.complete ? 0 : new Promise(function (r) { i.onload = i.onerror = r; }); }))")
        broken = browser.evaluate("Array.from(document.querySelectorAll('img')).filter(i => !(i.naturalWidth > 0)).map(i => i.src)")
        expect(not broken, f"images that did not load: {broken}")
        browser.evaluate("document.querySelector('.run .demo-figure').scrollIntoView({block: 'center'})")

    def search(query, minimum):
        def run():
            browser.evaluate("document.getElementById('search-input').focus()")
            for _ in range(50):
                if browser.evaluate(f"!!(window.LLMCOURSE_SEARCH && window.LLMCOURSE_SEARCH[document.documentElement.dataset.lang])"):
                    break
                time.sleep(0.1)
            else:
                failures.append("search index never loaded")
            browser.evaluate(f"(function(){{var i=document.getElementById('search-input'); i.value={json.dumps(query)};"
                             "i.dispatchEvent(new Event('input'));})()")
            n = browser.evaluate("document.querySelectorAll('#search-results li').length")
            expect(n >= minimum, f"search for {query!r} found {n} results, expected at least {minimum}")
            hrefs = browser.evaluate("Array.from(document.querySelectorAll('#search-results a')).map(a => a.href)")
            for h in hrefs or []:
                expect(os.path.exists(h.split("#")[0].replace("file://", "")), f"search result points at a missing page: {h}")
        return run

    def search_details(query, expect_url=None, expect_mark=None, excerpt_free_of=None):
        """Runs a search and checks where the first results point, what is marked, and the excerpts."""
        def run():
            search(query, 1)()
            if expect_url:
                hrefs = browser.evaluate("Array.from(document.querySelectorAll('#search-results a')).map(a => a.href)") or []
                expect(any(expect_url in h for h in hrefs), f"search for {query!r} does not list {expect_url}: {hrefs[:5]}")
            marks = browser.evaluate("Array.from(document.querySelectorAll('#search-results mark')).map(m => m.textContent.toLowerCase())") or []
            expect(marks, f"search for {query!r} marks no matched word")
            if expect_mark:
                expect(any(expect_mark in m for m in marks), f"search for {query!r} does not mark {expect_mark!r}: {marks[:10]}")
            if excerpt_free_of:
                text = browser.evaluate("document.getElementById('search-results').textContent")
                expect(excerpt_free_of not in text, f"search excerpts for {query!r} still show {excerpt_free_of!r}")
        return run

    def check_heatmap():
        # The attention figure: values readable (no 1.30e-04), text color by cell, a color bar.
        srcs = browser.evaluate("Array.from(document.querySelectorAll('img[src*=\"attention-heatmap\"]')).map(i => i.src)") or []
        expect(srcs, "no attention heat-map on the attention lesson")
        svg = "".join(open(src.replace("file://", ""), encoding="utf-8").read() for src in srcs)
        if srcs:
            expect("e-0" not in svg, "heat-map still prints scientific notation")
            expect("cell-value on-dark" in svg and "cell-value on-light" in svg, "heat-map text color does not follow the cells")
            expect('fill="url(#scale)"' in svg, "heat-map has no color bar")
        browser.evaluate("Array.from(document.querySelectorAll('img[src*=\"attention-heatmap\"]')).pop().scrollIntoView({block: 'center'})")

    def check_dark_figure():
        check_heatmap()
        bg = browser.evaluate("getComputedStyle(document.querySelector('.demo-figure img')).backgroundColor")
        expect(bg not in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), f"figures sit on a white card in dark mode ({bg})")

    def check_copy_button():
        n = browser.evaluate("document.querySelectorAll('main pre .copy-code').length")
        expect(n > 0, "code blocks have no copy button")
        browser.call("Browser.grantPermissions", permissions=["clipboardReadWrite", "clipboardSanitizedWrite"])
        browser.evaluate("document.querySelector('main pre .copy-code').click()")
        time.sleep(0.3)
        copied = browser.evaluate("navigator.clipboard.readText().catch(function (e) { return 'ERR ' + e; })")
        code = browser.evaluate("(function(){var p=document.querySelector('main pre').cloneNode(true);p.querySelectorAll('.copy-code').forEach(function(b){b.remove()});return p.textContent.replace(/\\n$/,'');})()")
        expect(copied == code, f"the copy button copied {str(copied)[:60]!r}, not the code block {str(code)[:60]!r}")
        expect(browser.evaluate("document.querySelector('main pre .copy-code').textContent") == "Copied", "no feedback after copying")

    def press(key):
        code = {"ArrowLeft": 37, "ArrowRight": 39}[key]
        for kind in ("rawKeyDown", "keyUp"):
            browser.call("Input.dispatchKeyEvent", type=kind, key=key, code=key, windowsVirtualKeyCode=code)

    def check_arrow_keys(expected_next):
        def run():
            browser.evaluate("document.getElementById('search-input').focus()")
            press("ArrowRight")
            time.sleep(0.5)
            expect(browser.evaluate("location.pathname").endswith(lesson), "→ turned the page while typing in the search box")
            browser.evaluate("document.activeElement.blur()")
            press("ArrowRight")
            browser.wait_event("Page.loadEventFired")
            expect(browser.evaluate("location.pathname").endswith(expected_next), f"→ did not open {expected_next}")
            press("ArrowLeft")
            browser.wait_event("Page.loadEventFired")
            expect(browser.evaluate("location.pathname").endswith(lesson), "← did not come back")
        return run

    def check_language_anchor():
        ids = browser.evaluate("Array.from(document.querySelectorAll('article h2[id]')).map(h => h.id)")
        if not ids or len(ids) < 2:
            return
        browser.evaluate(f"location.hash = {json.dumps('#' + ids[1])}")
        time.sleep(0.2)
        browser.evaluate("document.querySelector('.lang-switch').click()")
        browser.wait_event("Page.loadEventFired")
        time.sleep(0.2)
        target = browser.evaluate("decodeURIComponent(location.hash.slice(1))")
        second = browser.evaluate("(Array.from(document.querySelectorAll('article h2[id]'))[1] || {}).id")
        expect(target and target == second, f"the language switch landed on #{target}, not the second section #{second}")

    def check_print_page():
        printed = browser.evaluate("Array.from(document.querySelectorAll('.print-lesson')).map(s => s.id)")
        listed = browser.evaluate("Array.from(document.querySelectorAll('nav.sidebar a')).map(a => a.getAttribute('href'))"
                                  ".filter(h => /^[^/]+\\.html$/.test(h) && h !== 'print.html').map(h => h.slice(0, -5))")
        expect(printed and printed == listed, f"the print page holds {printed}, the sidebar lists {listed}")
        expect(browser.evaluate("document.querySelector('.sidebar a.print-link[aria-current=page]') !== null"), "the sidebar does not link the print page")

    try:
        visit("index.html", "home", check=check_page)
        visit(f"lessons/{lesson}", "lesson-en", check=lambda: (check_page(), check_math()))
        visit(f"zh-TW/lessons/{lesson}", "lesson-zh-TW", check=lambda: (check_page(), check_math()))
        visit(f"lessons/{lesson}", "lesson-en-dark", dark=True)
        visit(f"zh-TW/lessons/{lesson}", "lesson-zh-TW-phone", width=390, height=844)

        def open_menu():
            browser.evaluate("document.querySelector('.menu-toggle').click()")
            expect(browser.evaluate("getComputedStyle(document.getElementById('sidebar')).display") == "block",
                   "the menu button does not open the sidebar on a phone")
        visit("index.html", "menu-phone", width=390, height=844, check=open_menu)
        with_figures = [f for f in lessons if 'class="demo-figure"' in open(os.path.join(site, "lessons", f), encoding="utf-8").read()]
        if with_figures:
            visit(f"lessons/{with_figures[0]}", "lesson-figure", check=check_figures)
        visit("index.html", "search-en", check=search("attention", 1))
        visit("zh-TW/index.html", "search-zh-TW", check=search("注意力", 1))
        visit("index.html", "search-tex", check=search_details("round 127", expect_mark="127", excerpt_free_of="\\text{round}"))
        visit("index.html", "search-british", check=search_details("quantise", expect_mark="quanti"))
        visit("index.html", "search-typo", check=search_details("softmx", expect_mark="softmax"))
        visit("zh-TW/index.html", "search-cjk-one", check=search_details("量", expect_mark="量"))
        if os.path.exists(os.path.join(site, "lessons", "attention.html")):
            visit("lessons/attention.html", "heatmap-light", check=check_heatmap)
            visit("lessons/attention.html", "heatmap-dark", dark=True, check=check_dark_figure)
        visit(f"lessons/{lesson}", "copy-button", check=check_copy_button)
        html = open(os.path.join(site, "lessons", lesson), encoding="utf-8").read()
        m = re.search(r'<a class="next" rel="next" href="([^"]+)"', html)
        if m:
            visit(f"lessons/{lesson}", "arrow-keys", check=check_arrow_keys(m.group(1)))
        visit(f"lessons/{lesson}", "language-anchor", check=check_language_anchor)
        visit("lessons/print.html", "print-page", check=check_print_page)
        exercises = os.path.join(site, "exercises")
        if os.path.isdir(exercises) and os.listdir(exercises):
            visit("exercises/" + sorted(os.listdir(exercises))[0], "exercise-en", check=check_page)
        check_live_reload(browser, expect, shots)
    finally:
        browser.close()
    if failures:
        print("browser test FAILED:")
        for f in failures:
            print("  " + f)
        sys.exit(1)
    print(f"browser test passed; screenshots in {shots}")


if __name__ == "__main__":
    main()
