#!/usr/bin/env python3
"""Per-route latency of one run, from two scrapes of the service's /metrics (before and after the run).

    bench/route-latency.py before.txt after.txt [slow_ms=100]

Reads ASP.NET Core's http_server_request_duration_seconds histogram, subtracts the first scrape from the second and
prints, per method, route and status, how many requests the run made, the bucket bounds their p50/p90/p99 fall in, and
how many took longer than slow_ms (a bucket bound: 100 ms is one). A histogram gives bounds, not exact percentiles;
what it adds to wrk's figures is which kind of request makes the tail.
"""
import re
import sys
from collections import defaultdict

METRIC = "http_server_request_duration_seconds_bucket"
LINE = re.compile(r"^" + METRIC + r"\{(.*)\} (\S+)$")
LABEL = re.compile(r'(\w+)="([^"]*)"')


def buckets(path):
    series = defaultdict(dict)
    with open(path, encoding="utf-8") as scrape:
        for line in scrape:
            match = LINE.match(line.strip())
            if not match:
                continue
            labels = dict(LABEL.findall(match.group(1)))
            route = labels.get("http_route", "")
            if not route.startswith("/api"):
                continue
            key = (labels.get("http_request_method", ""), route, labels.get("http_response_status_code", ""))
            bound = float("inf") if labels["le"] == "+Inf" else float(labels["le"])
            series[key][bound] = float(match.group(2))
    return series


def bound_of(cumulative, total, share):
    for bound, count in cumulative:
        if count >= share * total:
            return bound
    return float("inf")


def ms(bound):
    return "inf" if bound == float("inf") else f"{bound * 1000:g}"


def main():
    before, after = buckets(sys.argv[1]), buckets(sys.argv[2])
    slow = float(sys.argv[3]) / 1000 if len(sys.argv) > 3 else 0.1
    rows, all_requests, all_slow = [], 0, 0
    for key, counts in after.items():
        earlier = before.get(key, {})
        cumulative = [(bound, counts[bound] - earlier.get(bound, 0)) for bound in sorted(counts)]
        total = cumulative[-1][1]
        if total <= 0:
            continue
        within = max((count for bound, count in cumulative if bound <= slow), default=0)
        rows.append((key, int(total), cumulative, int(total - within)))
        all_requests += total
        all_slow += total - within
    if not rows:
        print("by route      (no API requests in the service's histogram)")
        return
    print(f"by route      p50/p90/p99 are histogram bucket bounds in ms; over = requests slower than {slow * 1000:g} ms")
    for (method, route, status), total, cumulative, over in sorted(rows, key=lambda row: -row[1]):
        bounds = "/".join(ms(bound_of(cumulative, total, share)) for share in (0.5, 0.9, 0.99))
        print(f"  {method:6} {route:32} {status} {total:8d}  p50/p90/p99 <= {bounds:>14}  over {over:6d} ({over / total:6.1%})")
    print(f"  all API requests {int(all_requests)}, over {int(all_slow)} ({all_slow / all_requests:.1%})")


if __name__ == "__main__":
    main()
