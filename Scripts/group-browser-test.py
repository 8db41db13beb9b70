#!/usr/bin/env python3
"""Headless Chromium against a running study-group server: the leader logs in through the
form, the gradebook shows the member's row, the CSV export answers, and a lesson's
presentation view moves one section per arrow key. Reuses the DevTools client of
browser-test.py. Exits 1 if anything failed.

Usage: group-browser-test.py CHROMIUM URL LEADER_TOKEN MEMBER_TOKEN SITE_DIR SCREENSHOT_DIR
"""
import base64, importlib.util, json, os, sys, time, urllib.request

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("browser_test", os.path.join(here, "browser-test.py"))
browser_test = importlib.util.module_from_spec(spec)
spec.loader.exec_module(browser_test)


def submit(url, token, source):
    body = json.dumps({"exercise": "demo", "source": source}).encode()
    request = urllib.request.Request(url + "/api/submissions", data=body, method="POST",
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request, timeout=30))["id"]


def wait_done(url, token, ident):
    for _ in range(300):
        request = urllib.request.Request(f"{url}/api/submissions/{ident}", headers={"Authorization": "Bearer " + token})
        if json.load(urllib.request.urlopen(request, timeout=30))["status"] == "done":
            return
        time.sleep(0.1)
    raise RuntimeError(f"submission {ident} was never graded")


def main():
    chromium, url, leader, member, site, shots = sys.argv[1:7]
    os.makedirs(shots, exist_ok=True)
    for source in ("PASS", "not yet"):
        wait_done(url, member, submit(url, member, source))
    failures = []

    def expect(condition, message):
        if not condition:
            failures.append(message)

    browser = browser_test.Browser(chromium)

    def go(path):
        browser.call("Page.navigate", url=url + path)
        browser.wait_event("Page.loadEventFired")
        time.sleep(0.2)

    def shot(name):
        data = browser.call("Page.captureScreenshot", format="png")["data"]
        with open(os.path.join(shots, name + ".png"), "wb") as f:
            f.write(base64.b64decode(data))
        print(f"  {name}.png")

    try:
        browser.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
        go("/gradebook")
        expect(browser.evaluate("location.pathname") == "/login", "the gradebook without a login does not lead to /login")
        browser.evaluate(f"document.querySelector('input[name=token]').value = {json.dumps(leader)}")
        browser.evaluate("document.querySelector('form').submit()")
        browser.wait_event("Page.loadEventFired")
        time.sleep(0.2)
        expect(browser.evaluate("location.pathname") == "/gradebook", "logging in does not open the gradebook")
        row = browser.evaluate("Array.from(document.querySelectorAll('#matrix tr')).map(r => r.innerText).join('\\n')")
        expect("ada" in (row or "") and "1/1" in (row or "") and "(2×)" in (row or ""),
               f"the gradebook matrix lacks ada's best score 1/1 over 2 attempts: {row!r}")
        expect(browser.evaluate("document.querySelector('#pass-rates') !== null"), "no pass-rate table")
        shot("group-gradebook")
        go("/gradebook/members/ada")
        expect(browser.evaluate("document.querySelectorAll('table.submissions tr').length") == 3,
               "ada's history does not list her two submissions")
        shot("group-member")
        csv = browser.evaluate("fetch('/gradebook.csv').then(r => r.text())")
        expect((csv or "").startswith("member,exercise,attempts"), f"CSV export: {csv!r}")
        lessons = sorted(f[:-5] for f in os.listdir(os.path.join(site, "lessons")) if f.endswith(".html"))
        if lessons:
            go("/present/" + lessons[0])
            first = browser.evaluate("document.getElementById('slide-counter').textContent")
            for key in ("ArrowRight",):
                browser.call("Input.dispatchKeyEvent", type="keyDown", key=key, code=key, windowsVirtualKeyCode=39)
                browser.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=key, windowsVirtualKeyCode=39)
            time.sleep(0.1)
            second = browser.evaluate("document.getElementById('slide-counter').textContent")
            visible = browser.evaluate("document.querySelectorAll('article .slide:not([hidden])').length")
            expect((first or "").startswith("1 / ") and (second or "").startswith("2 / "),
                   f"→ does not move to the next screen: {first!r} then {second!r}")
            expect(visible == 1, f"{visible} screens are visible at once")
            shot("group-presentation")
            # The address keeps the screen (not /lessons/#2 through the page's <base href>), so a reload stays there.
            where = browser.evaluate("location.pathname + location.hash")
            expect(where == f"/present/{lessons[0]}#2", f"after → the address is {where!r}")
            browser.call("Page.reload")
            browser.wait_event("Page.loadEventFired")
            time.sleep(0.2)
            again = browser.evaluate("document.getElementById('slide-counter') && document.getElementById('slide-counter').textContent")
            expect((again or "").startswith("2 / "), f"reloading the presentation does not stay on screen 2: {again!r}")
            # Heading anchors lead to this presentation, not to a page that does not exist.
            stray = browser.evaluate("Array.from(document.querySelectorAll('article a[href*=\"#\"]'))"
                                     ".map(a => a.href).filter(h => h.split('#')[0] === location.origin + '/lessons/')")
            expect(not stray, f"in-page links lead to /lessons/: {stray[:3]!r}")
        for p in browser.problems():
            failures.append(p)
    finally:
        browser.close()
    if failures:
        print("group browser test FAILED:")
        for f in failures:
            print("  " + f)
        sys.exit(1)
    print("group browser test passed")


if __name__ == "__main__":
    main()
