"""Webhook destinations and credentials (issue 14, defect 12): webhook URLs
to loopback, link-local and cloud metadata addresses are refused (at
configuration time for literal addresses, at connection time for names
that resolve to one) unless webhook_allow_internal is set; --check-config
prints no webhook or store credentials."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from dtest import Daemon, Receiver, check, done, samples  # noqa: E402

build, source = sys.argv[1], sys.argv[2]
page = [p for p in samples(source) if p.endswith("0004-td3.jpg")][0]
SECRET = "a-webhook-secret-0123456789"

d = Daemon(build, source, extra=["viz=false", "forensics=false", "barcodes=false"], workers=1)
rx = Receiver(SECRET)
try:
    base = ["--set", "webhook_allow_internal=false", "--set", "webhook.m.secret=" + SECRET]
    for url in ("http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:9/x",
                "http://[::1]:9/", "http://localhost/x", "http://0.0.0.0/",
                "http://[::ffff:169.254.169.254]/", "http://user:pw@127.0.0.1/"):
        r = d.run_tool("--check-config", *base, "--set", "webhook.m.url=" + url)
        check(r.returncode == 2 and "webhook_allow_internal" in r.stderr,
              "internal webhook URL refused: %s: %s %s" % (url, r.returncode, r.stderr.strip()))
    r = d.run_tool("--check-config", *base, "--set", "webhook.m.url=https://intake.example.org/h")
    check(r.returncode == 0, "an outside URL is accepted: %s" % r.stderr)
    r = d.run_tool("--check-config", "--set", "webhook_allow_internal=true", "--set",
                   "webhook.m.secret=" + SECRET, "--set",
                   "webhook.m.url=http://alice:s3cr3t-pw@127.0.0.1:9/hook?token=q-s3cr3t")
    check(r.returncode == 0, "allowed with webhook_allow_internal: %s" % r.stderr)
    check("s3cr3t" not in r.stdout and SECRET not in r.stdout,
          "--check-config shows no credentials:\n%s" % r.stdout)
    check("127.0.0.1:9/hook" in r.stdout, "--check-config still shows where: %s" %
          [ln for ln in r.stdout.splitlines() if "webhook" in ln])

    # a name the configuration cannot judge ("127.1" is 127.0.0.1 to the
    # resolver, not an address literal to inet_pton) is refused when the
    # delivery is sent
    d.extra += ["webhook_allow_internal=false", "webhook.n.secret=" + SECRET,
                "webhook.n.url=http://127.1:%d/h" % rx.port]
    d.start()
    tok = d.make_tokens()
    st, b = d.submit(tok["station"], "K-1", page)
    d.wait_job(tok["officer"], b["job_id"])
    t0 = time.time()
    dl = []
    while time.time() - t0 < 20:
        st, body = d.call("GET", "/v1/deliveries", token=tok["admin"])
        dl = body.get("deliveries", []) if st == 200 else []
        if dl and dl[0].get("attempts", 0) >= 1 and dl[0].get("last_error"):
            break
        time.sleep(0.2)
    check(not rx.got, "nothing reached the loopback receiver: %d" % len(rx.got))
    check(dl and "webhook_allow_internal" in dl[0].get("last_error", ""),
          "the delivery names the refusal: %s" % (dl[:1],))
finally:
    d.cleanup()
    rx.close()
done("daemon_webhook_guard")
