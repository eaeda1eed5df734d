#!/usr/bin/env python3
"""A booking rush for bench/appointments.sh: CLIENTS clients at once post a hold for
one of the free SLOTS (comma-separated) of DAY at OFFICE for SERVICE, as the booking
page's form does, and the answers are counted: a hold leads to the appointment's page,
a time taken meanwhile back to the day with the note `vergeben`. Prints the counts and
the latency percentiles.

    appointments_rush.py BASE OFFICE SERVICE DAY SLOTS CLIENTS
"""

import http.client
import sys
import threading
import time
import urllib.parse


def main():
    base, office, service, day, slots, clients = sys.argv[1:7]
    host = urllib.parse.urlparse(base).netloc
    slots = slots.split(",")
    clients = int(clients)
    start = threading.Barrier(clients)
    results = [None] * clients

    def client(n):
        body = urllib.parse.urlencode({
            "buero": office, "tag": day, "leistung": service, "personen": "1",
            "zeit": slots[n % len(slots)],
        })
        connection = http.client.HTTPConnection(host, timeout=60)
        start.wait()
        began = time.perf_counter()
        connection.request("POST", "/termine/halten", body,
                           {"content-type": "application/x-www-form-urlencoded"})
        answer = connection.getresponse()
        answer.read()
        results[n] = (answer.status, answer.getheader("location") or "", time.perf_counter() - began)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    held = sum(1 for s, l, _ in results if s == 303 and l.startswith("/termine/vormerkung/"))
    taken = sum(1 for s, l, _ in results if s == 303 and "hinweis=vergeben" in l)
    other = clients - held - taken
    errors = sum(1 for s, _, _ in results if s >= 500)
    times = sorted(t for _, _, t in results)
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000
    print(f"held {held}, just taken {taken}, other {other}, 5xx {errors}")
    print(f"latency p50 {pick(0.5):.1f} ms, p99 {pick(0.99):.1f} ms, max {times[-1] * 1000:.1f} ms")


if __name__ == "__main__":
    main()
