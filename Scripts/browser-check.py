#!/usr/bin/env python3
"""The web page in a real browser: headless Chromium driven through chromedriver's WebDriver protocol (the standard
library only). Starts `ask serve` on the shipped corpus, types a question, checks the answer and that a citation
opens its source lines highlighted, keeps a screenshot, then checks that a question the documents do not answer
shows the closest passages. Run by .ci/run when Chromium is installable.

    python3 Scripts/browser-check.py [path/to/ask] [screenshot.png]
"""
import base64, json, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request

ask = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/ask")
screenshot = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else ".build/browser-check.png")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(method, url, body=None):
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


def wait(what, check, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if check():
                return
        except Exception:
            pass
        time.sleep(0.2)
    raise SystemExit(f"browser check failed: {what}")


work = tempfile.mkdtemp()
processes = []
try:
    shutil.copytree("Corpus", os.path.join(work, "Corpus"))
    port, driver_port = free_port(), free_port()
    processes.append(subprocess.Popen([ask, "serve", "--port", str(port)], cwd=work, stderr=subprocess.DEVNULL))
    wait("ask serve answers /health", lambda: call("GET", f"http://127.0.0.1:{port}/health")["status"] == "ok", 120)
    processes.append(subprocess.Popen(["chromedriver", f"--port={driver_port}"], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL))
    driver = f"http://127.0.0.1:{driver_port}"
    wait("chromedriver starts", lambda: call("GET", f"{driver}/status")["value"]["ready"])
    arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=412,915"]
    session = call("POST", f"{driver}/session", {"capabilities": {"alwaysMatch": {
        "browserName": "chrome", "goog:chromeOptions": {"args": arguments}}}})["value"]["sessionId"]
    base = f"{driver}/session/{session}"

    def find(css):
        found = call("POST", f"{base}/element", {"using": "css selector", "value": css})["value"]
        return next(iter(found.values()))

    def text(css):
        return call("GET", f"{base}/element/{find(css)}/text")["value"]

    call("POST", f"{base}/url", {"url": f"http://127.0.0.1:{port}/"})
    call("POST", f"{base}/element/{find('#q')}/value", {"text": "how long does a broken bone take to heal"})
    call("POST", f"{base}/element/{find('#ask button')}/click", {})
    wait("an answer with '6 weeks' and its sources", lambda: "6 weeks" in text("#answer") and "Sources" in text("#answer"))
    call("POST", f"{base}/element/{find('#answer p .cite')}/click", {})
    wait("the citation opens its lines highlighted", lambda: text("#document mark") != "")
    highlighted = text("#document mark")
    image = call("GET", f"{base}/screenshot")["value"]
    # A question the documents do not answer: the page says so and shows the closest passages.
    call("POST", f"{base}/element/{find('#q')}/clear", {})
    call("POST", f"{base}/element/{find('#q')}/value", {"text": "how do zebras sleep"})
    call("POST", f"{base}/element/{find('#ask button')}/click", {})
    wait("an abstention with the closest passages",
         lambda: "do not answer" in text("#answer") and "Closest passages" in text("#answer"))
    os.makedirs(os.path.dirname(screenshot), exist_ok=True)
    with open(screenshot, "wb") as out:
        out.write(base64.b64decode(image))
    call("DELETE", base)
    print(f"browser check passed: the answer cites its source; the citation opened \"{highlighted[:60]}…\"; "
          f"an unanswerable question showed the closest passages; screenshot {screenshot}")
finally:
    for process in processes:
        process.terminate()
    shutil.rmtree(work, ignore_errors=True)
