"""How long a disabled user's access token keeps working, through the gateway and straight at orders-service.

Against the local platform (./portal start): signs in as the demo admin, invites and activates a user (the activation
token is read from identity's outbox table, as the mail would carry it), signs the user in, then RUNS times: disables
the user while two pollers call GET /portal/v1/orders with the user's token as fast as they can, one through the
gateway (:8080), one straight at orders-service (:8082), and notes when each first gets 401; then enables the user
and signs them in again. Prints the delay from the disable call's answer to the first refusal, and how many requests
succeeded after that answer.
"""
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

GATEWAY = "http://127.0.0.1:8080"
ORDERS = "http://127.0.0.1:8082"
RUNS = int(os.environ.get("RUNS", "5"))


def call(base, method, path, token=None, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            raw = answer.read()
            return answer.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            return error.code, json.loads(raw) if raw else None
        except ValueError:
            return error.code, None


def sign_in(email, password):
    status, body = call(GATEWAY, "POST", "/auth/v1/sign-in", body={"email": email, "password": password})
    assert status == 200, (status, body)
    return body["access_token"]


def activation_token(user_id):
    sql = ("SELECT convert_from(payload, 'UTF8')::json->>'activation_token' FROM outbox_event "
           "WHERE message_key = '%s' AND event_type = 'com.partnersportal.identity.user-invited.v1' "
           "ORDER BY position DESC LIMIT 1" % user_id)
    return subprocess.check_output(["psql", "-qAt", "-h", "127.0.0.1", "-U", "postgres", "-d", "portal_identity",
                                    "-c", sql], text=True).strip()


def poll_until_refused(base, token, stop, result):
    ok_after = 0
    while not stop.is_set():
        status, _ = call(base, "GET", "/portal/v1/orders?limit=1", token)
        now = time.monotonic()
        if status == 401:
            result["refused_at"] = now
            result["ok_after"] = ok_after
            return
        if status == 200 and "answered_at" in result and now > result["answered_at"]:
            ok_after += 1


def main():
    credentials = json.load(open(os.path.join(os.path.dirname(__file__), "..", ".run", "demo-credentials.json")))
    admin = sign_in(credentials["admin"]["email"], credentials["admin"]["password"])
    email = "revocation-bench-%s@example.test" % uuid.uuid4().hex[:8]
    status, invited = call(GATEWAY, "POST", "/portal/v1/users", admin,
                           {"email": email, "full_name": "Revocation Bench", "locale": "en", "role": "viewer"})
    assert status in (200, 201), (status, invited)
    user_id = invited["id"]
    password = "Bench-" + uuid.uuid4().hex
    status, body = call(GATEWAY, "POST", "/auth/v1/activation", body={"token": activation_token(user_id),
                                                                      "password": password})
    assert status == 200, (status, body)

    delays = {"gateway": [], "orders-service": []}
    served_after = {"gateway": 0, "orders-service": 0}
    for run in range(RUNS):
        token = sign_in(email, password)
        results = {"gateway": {}, "orders-service": {}}
        stop = threading.Event()
        pollers = [threading.Thread(target=poll_until_refused, args=(base, token, stop, results[name]))
                   for name, base in (("gateway", GATEWAY), ("orders-service", ORDERS))]
        for poller in pollers:
            poller.start()
        time.sleep(0.3)  # both pollers are calling with a working token before the disable
        status, body = call(GATEWAY, "POST", "/portal/v1/users/%s/disable" % user_id, admin)
        answered = time.monotonic()
        assert status == 200, (status, body)
        for result in results.values():
            result.setdefault("answered_at", answered)
        for poller in pollers:
            poller.join(timeout=30)
        stop.set()
        for name, result in results.items():
            if "refused_at" not in result:
                print("run %d: %s still served the token after 30 s" % (run + 1, name))
                sys.exit(1)
            delays[name].append(max(0.0, (result["refused_at"] - answered) * 1000))
            served_after[name] += result["ok_after"]
        status, body = call(GATEWAY, "POST", "/portal/v1/users/%s/enable" % user_id, admin)
        assert status == 200, (status, body)
        time.sleep(1.1)  # a token signed in the same second as the revocation is refused by design

    print("\nrevocation delay: disable answered -> first 401 with the user's token (%d runs)" % RUNS)
    print("%-16s %10s %10s %10s %22s" % ("", "p50 ms", "max ms", "runs", "2xx served after answer"))
    for name, values in delays.items():
        print("%-16s %10.0f %10.0f %10d %22d" % (name, statistics.median(values), max(values), len(values),
                                                 served_after[name]))


if __name__ == "__main__":
    main()
