#!/usr/bin/env python3
"""Fills a portal's SQLite database with COUNT booked appointments for the appointments
benchmark (bench/appointments.sh): at office OFFICE first, up to FULL of its places on
each free day, then at the other offices, on the free times the running portal's
open interface lists. Each appointment takes the slots its service needs and raises
the slots' counts as a booking does (never beyond their capacity).

    appointments_fill.py BASE DATABASE COUNT OFFICE SERVICE [FULL]
"""

import json
import sqlite3
import sys
import urllib.request
import uuid


def get(base, path):
    with urllib.request.urlopen(base + path) as answer:
        return json.load(answer)


def main():
    base, database, count, office, service = sys.argv[1:6]
    full = float(sys.argv[6]) if len(sys.argv) > 6 else 0.9
    count = int(count)
    offices = get(base, "/api/v1/appointments/offices")
    order = [o for o in offices if o["id"] == office] + [o for o in offices if o["id"] != office]
    db = sqlite3.connect(database)
    made = 0
    for place in order:
        if made >= count:
            break
        offered = place["services"][0] if place["id"] != office else next(
            s for s in place["services"] if s["id"] == service)
        need = offered["slots"]
        query = f"service={offered['id']}&persons=1"
        days = get(base, f"/api/v1/appointments/offices/{place['id']}/days?{query}")["days"]
        for day in days:
            if made >= count:
                break
            times = get(base, f"/api/v1/appointments/offices/{place['id']}/days/{day}/times?{query}")["times"]
            starts = [t["slot"] for t in times][::need]
            # Three counters by default: each start serves up to three visits.
            visits = [(s, c) for s in starts for c in range(3)]
            for first, _ in visits[: int(len(visits) * full)]:
                if made >= count:
                    break
                for slot in range(first, first + need):
                    db.execute(
                        "INSERT INTO appointments_slot_use (office, day, slot, used, capacity) "
                        "VALUES (?, ?, ?, 1, 3) ON CONFLICT (office, day, slot) "
                        "DO UPDATE SET used = used + 1 WHERE used < capacity",
                        (place["id"], day, slot),
                    )
                db.execute(
                    "INSERT INTO appointments_appointment (id, reference, office, day, first_slot, "
                    "slot_count, persons, services, state, name, email, manage_token_hash, "
                    "created_at, locale, reminded) VALUES (?, ?, ?, ?, ?, ?, 1, ?, 'booked', ?, ?, ?, 0, 'de', 0)",
                    (str(uuid.uuid4()), f"B-{made:08d}", place["id"], day, first, need,
                     json.dumps([offered["id"]]), f"Person {made}", f"p{made}@example.org",
                     uuid.uuid4().hex + uuid.uuid4().hex),
                )
                made += 1
    db.commit()
    print(f"{made} appointments")


if __name__ == "__main__":
    main()
