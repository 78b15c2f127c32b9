"""Kill -9 of consumer replicas with events in flight: how long until the killed replica's partitions are served again.

For each setting (Kafka's defaults as the baseline, then the platform's own from service-kit), ROUNDS times: restarts
the second replicas with that setting, waits until a warm-up order is consumed, kills -9 the second replica of
settlement-service and webhook-dispatcher at once (the consumers of order events: notification-service reads only
export and user events), then places 12 orders through the gateway
(keys spread over every partition). The recovery time of a consumer is from the kill to the moment its surviving replica
has recorded the last of the 12 order-created events (processed_event.processed_at, the database's clock on both
ends). Every order must be consumed exactly once per consumer group.
"""
import json
import os
import subprocess
import sys
import time
import urllib.request
import uuid

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
GATEWAY = "http://127.0.0.1:8080"
ROUNDS = int(os.environ.get("ROUNDS", "2"))
ORDERS = 12
CONSUMERS = {"settlement-service": "portal_settlement", "webhook-dispatcher": "portal_webhooks"}
DEFAULTS = json.dumps({"spring.cloud.stream.kafka.binder.consumer-properties": {
    "session.timeout.ms": "45000", "heartbeat.interval.ms": "3000",
    "partition.assignment.strategy": "org.apache.kafka.clients.consumer.RangeAssignor,"
                                     "org.apache.kafka.clients.consumer.CooperativeStickyAssignor"}})


def psql(database, sql):
    return subprocess.check_output(["psql", "-qAt", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-c", sql],
                                   text=True).strip()


def checkout(token):
    body = {"order_reference_id": "FAILOVER-" + uuid.uuid4().hex[:12],
            "total_amount": {"amount": 120.00, "currency": "SAR"}, "country_code": "SA",
            "items": [{"reference_id": "1", "type": "Physical", "name": "Lamp", "sku": "L-1", "quantity": 1,
                       "total_amount": {"amount": 120.00, "currency": "SAR"}}],
            "consumer": {"first_name": "Noura", "last_name": "Al-Harbi", "phone_number": "+966500000001",
                         "email": "noura@example.com"},
            "shipping_address": {"first_name": "Noura", "last_name": "Al-Harbi", "line1": "King Fahd Rd",
                                 "city": "Riyadh", "country_code": "SA"}}
    request = urllib.request.Request(GATEWAY + "/checkout", data=json.dumps(body).encode(), method="POST")
    request.add_header("Content-Type", "application/json")
    request.add_header("Authorization", "Bearer " + token)
    for attempt in range(20):
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return json.loads(answer.read())["order_id"]
        except Exception:  # a request balanced to a replica that just died; the merchant would retry
            time.sleep(0.2)
    raise RuntimeError("checkout kept failing")


def consumed(database, orders):
    ids = ",".join("'%s'" % o for o in orders)
    row = psql(database, "SELECT count(*), count(DISTINCT subject), extract(epoch FROM max(processed_at)) "
                         "FROM processed_event WHERE event_type LIKE '%%order-created%%' AND subject IN (" + ids + ")")
    count, distinct, last = row.split("|")
    return int(count), int(distinct), float(last) if last else None


def wait_consumed(orders, deadline_s=180):
    end = time.monotonic() + deadline_s
    results = {}
    while time.monotonic() < end:
        for consumer, database in CONSUMERS.items():
            if consumer not in results:
                count, distinct, last = consumed(database, orders)
                if distinct == len(orders):
                    results[consumer] = (count, last)
        if len(results) == len(CONSUMERS):
            return results
        time.sleep(0.2)
    missing = [c for c in CONSUMERS if c not in results]
    raise RuntimeError("not consumed within %d s by %s" % (deadline_s, missing))


def portal(*args, env=None):
    subprocess.run([os.path.join(ROOT, "portal"), *args], check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, **(env or {})})


def pid(name):
    with open(os.path.join(ROOT, ".run", "pids", name + ".pid")) as f:
        return int(f.read().strip())


def measure(label, env, token):
    seconds = {c: [] for c in CONSUMERS}
    for round_ in range(ROUNDS):
        portal("restart", *[c + "-2" for c in CONSUMERS], env=env)
        wait_consumed([checkout(token)])
        killed_at = float(psql("postgres", "SELECT extract(epoch FROM clock_timestamp())"))
        for consumer in CONSUMERS:
            os.kill(pid(consumer + "-2"), 9)
        orders = [checkout(token) for _ in range(ORDERS)]
        for consumer, (count, last) in wait_consumed(orders).items():
            assert count == ORDERS, "%s consumed %d events for %d orders" % (consumer, count, ORDERS)
            seconds[consumer].append(last - killed_at)
        print("  %-9s round %d: %s" % (label, round_ + 1, ", ".join(
            "%s %.1f s" % (c, seconds[c][-1]) for c in CONSUMERS)), flush=True)
    portal("start", *[c + "-2" for c in CONSUMERS], env=env)
    return {c: max(v) for c, v in seconds.items()}


def main():
    credentials = json.load(open(os.path.join(ROOT, ".run", "demo-credentials.json")))
    token = credentials["api_token"]["token"]
    print("kill -9 of the second replica of each consumer, %d orders right after; seconds until the other replica "
          "has consumed them all (worst of %d rounds)" % (ORDERS, ROUNDS), flush=True)
    baseline = measure("defaults", {"SPRING_APPLICATION_JSON": DEFAULTS}, token)
    platform = measure("platform", {}, token)
    print()
    print("%-22s %12s %12s %8s" % ("consumer", "defaults", "platform", "ratio"))
    for consumer in CONSUMERS:
        print("%-22s %10.1f s %10.1f s %7.2fx" % (consumer, baseline[consumer], platform[consumer],
                                                  platform[consumer] / baseline[consumer]))


if __name__ == "__main__":
    sys.exit(main())
