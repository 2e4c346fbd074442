"""The officer's review page end to end in a real headless Chromium.

Starts docscreend with a temporary store, creates an officer token with
`docscreend --create-token`, submits documents with known flags (a case
record whose surname differs: CASE_NAME_MISMATCH; a file name and a case
record holding HTML with an onerror handler, whose birth date differs:
CASE_BIRTH_DATE_MISMATCH), signs in on /review/, reads
the queue, opens a document, checks that its boxes and flags are shown,
decides with the keyboard and a button, and finds the decisions in the
audit log. Checks that hostile text renders as text (no script runs, no
element is made from it), that the page carries a strict
Content-Security-Policy and that a station token can read none of the
page's data (403).

usage: test_browser.py BUILD_DIR SOURCE_DIR [--screenshots DIR]
Exits 77 (skipped) only when Chromium, its driver or python3-selenium is
not installed and cannot be (scripts/install-deps.sh installs them).
"""
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dtest  # noqa: E402
from dtest import check  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"
HOSTILE = '<img src=x onerror="window.__xss=1">'


def skip(msg):
    print("test_browser: SKIPPED: " + msg)
    sys.exit(77)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
except ImportError:
    skip("python3-selenium is not installed (apt-get install -y python3-selenium)")
if not (os.access(CHROMIUM, os.X_OK) and os.access(DRIVER, os.X_OK)):
    skip("chromium or chromium-driver is not installed (apt-get install -y chromium chromium-driver)")


def browser(profile):
    o = webdriver.ChromeOptions()
    o.binary_location = CHROMIUM
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run",
              "--disable-dev-shm-usage", "--window-size=1366,768",
              "--user-data-dir=" + profile):
        o.add_argument(a)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(DRIVER), options=o)


def wait(drv, what, fn, timeout=60):
    try:
        # The page re-renders lists as data arrives: an element found in one
        # poll may be gone in the next; that is retried, not a failure.
        return WebDriverWait(drv, timeout, poll_frequency=0.2,
                             ignored_exceptions=(NoSuchElementException,
                                                 StaleElementReferenceException)).until(fn)
    except Exception:
        check(False, "timed out waiting for " + what)
        return None


def audit(db):
    c = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=10)
    try:
        return c.execute("SELECT actor, action, object FROM audit ORDER BY seq").fetchall()
    finally:
        c.close()


def main():
    build, source = sys.argv[1], sys.argv[2]
    shots = None
    if "--screenshots" in sys.argv:
        shots = sys.argv[sys.argv.index("--screenshots") + 1]
    samples = os.path.join(source, "samples", "pages")
    d = dtest.Daemon(build, source, workers=2)
    profile = tempfile.mkdtemp(prefix="dsd-chromium-")
    drv = None
    try:
        d.start()
        tok = d.make_tokens()
        r = d.run_tool("--create-token", "officer-jane", "officer")
        check(r.returncode == 0 and r.stdout.strip().startswith("dst_"), "--create-token officer")
        officer = r.stdout.strip()
        station = tok["station"]

        # Documents with known flags.
        st, _ = d.call("PUT", "/v1/cases/K-100", token=station,
                       body={"case_id": "K-100", "surname": "Smith", "given_names": "Elizabeth"})
        check(st == 201, "case K-100 stored")
        st, j1 = d.submit(station, "K-100", os.path.join(samples, "0004-td3.jpg"))
        check(st == 202, "document 1 submitted")
        st, _ = d.call("PUT", "/v1/cases/K-200", token=station,
                       body={"case_id": "K-200", "surname": HOSTILE, "given_names": HOSTILE,
                             "birth_date": "1990-01-01"})
        check(st == 201, "case K-200 (hostile text) stored")
        raw = open(os.path.join(samples, "0001-td1.jpg"), "rb").read()
        st, j2 = d.call("POST", "/v1/cases/K-200/documents?filename=" +
                        urllib.parse.quote(HOSTILE + ".jpg"), token=station, raw=raw)
        check(st == 202, "document 2 (hostile file name) submitted")
        for j, code in ((j1, "CASE_NAME_MISMATCH"), (j2, "CASE_BIRTH_DATE_MISMATCH")):
            b = d.wait_job(officer, j["job_id"], timeout=120)
            check(b is not None and b.get("verdict") == "review", "job %d needs review" % j["job_id"])
            check(any(f["code"] == code for f in (b or {}).get("flags", [])),
                  "job %d has %s" % (j["job_id"], code))

        # The page's files: no token needed, strict CSP; the data: officers only.
        st, html = d.call("GET", "/review/")
        csp = d.last_headers.get("Content-Security-Policy", "")
        check(st == 200 and "<title>docscreen review</title>" in html, "/review/ served")
        check("script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
              and "default-src 'none'" in csp and "frame-ancestors 'none'" in csp, "strict CSP: " + csp)
        check("<script>" not in html and "onclick" not in html and "style=" not in html,
              "no inline script or style in index.html")
        job = j1["job_id"]
        for method, path, body in (("GET", "/v1/review/queue", None), ("GET", "/v1/review", None),
                                   ("GET", "/v1/flags", None),
                                   ("GET", "/v1/jobs/%d/report" % job, None),
                                   ("GET", "/v1/jobs/%d/pages/0.png" % job, None),
                                   ("GET", "/v1/jobs/%d/decisions" % job, None),
                                   ("GET", "/v1/cases/K-100", None),
                                   ("POST", "/v1/jobs/%d/decision" % job, {"decision": "accepted"}),
                                   ("POST", "/v1/jobs/%d/flags/0/decision" % job, {"decision": "accepted"}),
                                   ("POST", "/v1/jobs/%d/flags/0/escalation" % job, {})):
            st, _ = d.call(method, path, token=station, body=body)
            check(st == 403, "station token: %s %s is 403 (got %d)" % (method, path, st))
            st, _ = d.call(method, path, body=body)
            check(st == 401, "no token: %s %s is 401 (got %d)" % (method, path, st))
        st, png = d.call("GET", "/v1/jobs/%d/pages/0.png" % job, token=officer)
        check(st == 200 and d.last_headers.get("Content-Type") == "image/png" and
              d.last_headers.get("Cache-Control") == "no-store", "page image is a PNG, no-store")

        drv = browser(profile)
        base = "http://127.0.0.1:%d" % d.port

        # A station token is refused at sign-in.
        drv.get(base + "/review/")
        wait(drv, "the sign-in form", lambda x: x.find_element(By.ID, "token").is_displayed())
        drv.find_element(By.ID, "token").send_keys(station)
        drv.find_element(By.ID, "signin-go").click()
        wait(drv, "the refusal of a station token",
             lambda x: "not an officer" in x.find_element(By.ID, "signin-error").text)
        check(drv.execute_script("return sessionStorage.length") == 0, "no station token kept")

        # The officer signs in and sees the queue, highest severity first.
        drv.find_element(By.ID, "token").clear()
        drv.find_element(By.ID, "token").send_keys(officer + Keys.ENTER)
        wait(drv, "two rows in the queue",
             lambda x: len(x.find_elements(By.CSS_SELECTOR, "#queue-rows tr")) == 2)
        check(drv.execute_script("return sessionStorage.getItem('docscreen.review.token')") == officer,
              "token kept in sessionStorage")
        check(drv.execute_script("return document.cookie") == "", "no cookie")
        counts = drv.find_element(By.ID, "counts").text
        check(counts.startswith("2 document(s)"), "counts: " + counts)
        # Highest severity first, then the oldest report (the API's order).
        st, q = d.call("GET", "/v1/review/queue", token=officer)
        rank = {"high": 2, "warning": 1, "info": 0}
        want = [str(i["job_id"]) for i in sorted(
            q["items"], key=lambda i: (-rank[i["severity"]], i["completed_at"], i["job_id"]))]
        got = [r.get_attribute("data-job") for r in drv.find_elements(By.CSS_SELECTOR, "#queue-rows tr")]
        check(got == want, "queue order %s, want %s" % (got, want))
        row2 = drv.find_element(By.CSS_SELECTOR, "#queue-rows tr[data-job='%d']" % j2["job_id"])
        check(HOSTILE + ".jpg" in row2.text, "hostile file name shown as text in the queue")
        # Filters: by case, then by flag code.
        drv.find_element(By.ID, "f-case").send_keys("K-200")
        wait(drv, "the case filter", lambda x: len(x.find_elements(By.CSS_SELECTOR, "#queue-rows tr")) == 1)
        drv.find_element(By.ID, "f-case").send_keys(Keys.CONTROL + "a", Keys.BACKSPACE, Keys.ESCAPE)
        wait(drv, "the filter cleared", lambda x: len(x.find_elements(By.CSS_SELECTOR, "#queue-rows tr")) == 2)
        if shots:
            os.makedirs(shots, exist_ok=True)
            drv.save_screenshot(os.path.join(shots, "review-queue.png"))

        # Open the first document (move the cursor to it with the keyboard,
        # open it with Enter); boxes and flags shown.
        for _ in range(got.index(str(j1["job_id"]))):
            drv.find_element(By.TAG_NAME, "body").send_keys("j")
        drv.find_element(By.TAG_NAME, "body").send_keys(Keys.ENTER)
        wait(drv, "the first document", lambda x: ("job %d " % j1["job_id"]) in
             x.find_element(By.ID, "doc-title").text.lower())
        wait(drv, "the page image", lambda x: x.execute_script(
            "const i = document.getElementById('page-img'); return i.complete && i.naturalWidth > 0"))
        wait(drv, "the boxes", lambda x: len(x.find_elements(By.CSS_SELECTOR, "#boxes .box")) >= 3)
        wait(drv, "the flags", lambda x: len(x.find_elements(
            By.CSS_SELECTOR, "#flag-list li[data-code=CASE_NAME_MISMATCH]")) == 1)
        kinds = drv.execute_script(
            "return [...document.querySelectorAll('#boxes .box')].map(b => b.className)")
        check(any("k-mrz" in k for k in kinds), "MRZ box drawn")
        check(any("k-field" in k for k in kinds), "printed-field boxes drawn")
        check(any("k-flagged" in k for k in kinds), "the flagged field's box drawn: %s" % kinds)
        flag = drv.find_element(By.CSS_SELECTOR, "#flag-list li[data-code=CASE_NAME_MISMATCH]")
        check("Smith" in flag.text and "BROWN" in flag.text, "flag shows expected and found")
        check("Why it matters" in flag.text, "flag explained from the registry")
        check(len(drv.find_elements(By.CSS_SELECTOR, "#mrz-lines .mrz-line")) == 2, "MRZ lines shown")
        check("Smith" in drv.find_element(By.ID, "field-rows").text, "case record beside the fields")
        if shots:
            time.sleep(0.5)
            drv.save_screenshot(os.path.join(shots, "review-document.png"))
        # Printed, one document's review is one page.
        try:
            import base64
            from selenium.webdriver.common.print_page_options import PrintOptions
            po = PrintOptions()
            po.page_width, po.page_height = 21.0, 29.7
            pdf = base64.b64decode(drv.print_page(po))
            pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
            check(pages == 1, "printed on one page (got %d)" % pages)
            if shots:
                open(os.path.join(shots, "review-print.pdf"), "wb").write(pdf)
        except ImportError:
            print("  (print check skipped: this selenium has no print_page)")
        # Zoom with the keyboard changes the stage's transform.
        before = drv.execute_script("return document.getElementById('stage').style.transform")
        drv.find_element(By.TAG_NAME, "body").send_keys("+")
        after = drv.execute_script("return document.getElementById('stage').style.transform")
        check(before != after, "zoom")
        # Decide the flag with the keyboard: accept (the finding stands).
        drv.find_element(By.ID, "note").send_keys("surname differs from the application")
        drv.execute_script("document.activeElement.blur()")
        drv.find_element(By.TAG_NAME, "body").send_keys("a")
        wait(drv, "the decision shown", lambda x: "accepted" in x.find_element(
            By.CSS_SELECTOR, "#flag-list li[data-code=CASE_NAME_MISMATCH] .flag-status").text)
        if dtest.FAILURES:
            print("  decide-msg:", drv.find_element(By.ID, "decide-msg").text,
                  "| status:", drv.find_element(By.ID, "status").text,
                  "| flags:", drv.find_element(By.ID, "flag-list").text[:300])
        a = audit(d.db)
        check(("officer-jane", "decision.add", "job:%d/flag:0:accepted" % j1["job_id"]) in a,
              "the decision is in the audit log")
        check(any(x[1] == "page.read" and x[0] == "officer-jane" for x in a), "page read audited")

        # Next document (N): hostile text stays text; decide the document.
        drv.find_element(By.TAG_NAME, "body").send_keys("n")
        wait(drv, "the second document", lambda x: ("job %d " % j2["job_id"]) in
             x.find_element(By.ID, "doc-title").text.lower())
        wait(drv, "its flags", lambda x: len(x.find_elements(
            By.CSS_SELECTOR, "#flag-list li[data-code=CASE_BIRTH_DATE_MISMATCH]")) == 1)
        check(HOSTILE + ".jpg" in drv.find_element(By.ID, "doc-sub").text, "file name rendered as text")
        check(HOSTILE in drv.find_element(By.ID, "field-rows").text, "case data rendered as text")
        check(HOSTILE in drv.find_element(By.ID, "flag-list").text, "flag's expected value as text")
        wait(drv, "the page image", lambda x: x.execute_script(
            "return document.getElementById('page-img').naturalWidth > 0"))
        check(drv.execute_script("return window.__xss === undefined"), "no script ran")
        check(drv.execute_script("return document.querySelectorAll('img').length") == 1,
              "no element made from document text")
        drv.find_element(By.ID, "doc-reject").click()
        wait(drv, "the document decision", lambda x: "Document rejected" in
             x.find_element(By.ID, "decide-msg").text)
        a = audit(d.db)
        check(("officer-jane", "decision.document", "job:%d:rejected" % j2["job_id"]) in a,
              "document decision in the audit log")
        st, dl = d.call("GET", "/v1/jobs/%d/decisions" % j2["job_id"], token=officer)
        check(st == 200 and dl["flags"] and all(x["decision"] == "accepted" for x in dl["flags"]),
              "rejecting the document confirms its undecided flags")

        # Back to the queue (Q): nothing left undecided.
        drv.find_element(By.TAG_NAME, "body").send_keys("q")
        wait(drv, "the empty queue", lambda x: x.find_element(By.ID, "queue-empty").is_displayed())
        logs = [e["message"] for e in drv.get_log("browser")]
        csp_errors = [m for m in logs if "Content Security Policy" in m or "Refused" in m]
        check(not csp_errors, "no CSP violation: %s" % csp_errors[:3])
        js_errors = [m for m in logs if "Uncaught" in m]
        check(not js_errors, "no script error: %s" % js_errors[:3])

        # Sign out forgets the token.
        drv.find_element(By.ID, "sign-out").click()
        wait(drv, "the sign-in form again", lambda x: x.find_element(By.ID, "token").is_displayed())
        check(drv.execute_script("return sessionStorage.length") == 0, "token forgotten on sign-out")
        st, _ = d.call("GET", "/metrics", token=officer)
        check(st == 200, "daemon still answers")
    finally:
        if drv:
            drv.quit()
        shutil.rmtree(profile, ignore_errors=True)
        d.cleanup()
    dtest.done("test_browser")


if __name__ == "__main__":
    main()
