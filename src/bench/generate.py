#!/usr/bin/env python3
"""Writes a synthetic archive of essays for src/bench/run.sh.

Usage: generate.py FOLDER COUNT

Each essay is about 1,000 words in four `##` sections (so it gets a table of contents), with a
fenced code block, a table, a link to an earlier essay and three tags out of fifty. Output is
deterministic (fixed seed), so two runs measure the same bytes.
"""
import os
import random
import sys
from datetime import date, timedelta

WORDS = ("index queue lock tenant invariant transaction commit snapshot replica latency throughput "
         "partition vacuum row column schema migration rollback retry backoff idempotent consumer "
         "producer offset cursor batch worker lease deadline budget shard primary follower quorum "
         "checksum journal segment compaction bloom filter cache eviction warm cold hot path the a "
         "of to and in is that it for on with as was at by this be are from or an which not but "
         "when every each only never always because before after while during between under over "
         "system service request response client server table query plan cost estimate measure").split()
TAGS = ["PostgreSQL", "Queues", "Multi-tenancy", "Java", "Kotlin", "Go", "Rust", "Caching", "Indexes",
        "Replication", "Backups", "Observability", "Tracing", "Logging", "Metrics", "Testing", "CI",
        "Deployments", "Kubernetes", "Linux", "Networking", "HTTP", "gRPC", "Security", "Auth",
        "Encryption", "Billing", "Payments", "Search", "Storage", "S3", "Kafka", "Redis", "SQLite",
        "H2", "Micronaut", "Spring", "JVM", "GC", "Profiling", "Benchmarks", "Architecture",
        "Migrations", "APIs", "Pagination", "Time zones", "Unicode", "Feeds", "Markdown", "Writing"]


def paragraph(rng, words):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def essay(rng, n, day):
    tags = rng.sample(TAGS, 3)
    sections = []
    for s in range(4):
        body = [paragraph(rng, 60) for _ in range(4)]
        if s == 1:
            body.append("```sql\nSELECT id, payload\n  FROM job\n WHERE run_at <= now()\n"
                        " ORDER BY run_at\n LIMIT 10\n   FOR UPDATE SKIP LOCKED;\n```")
        if s == 2:
            body.append("| setting | before | after |\n|---|---|---|\n| workers | 4 | 16 |\n"
                        "| p99 ms | 120 | 18 |\n| errors | 0.4% | 0.01% |")
        if s == 3 and n > 0:
            body.append(f"See also [essay {n - 1}](/posts/essay-{n - 1}) for the earlier part.")
        sections.append(f"## Section {s + 1}: {rng.choice(WORDS)} {rng.choice(WORDS)}\n\n" + "\n\n".join(body))
    front = (f'---\ntitle: "Essay {n}: on {rng.choice(WORDS)} and {rng.choice(WORDS)}"\n'
             f"date: {day.isoformat()}\ntags: [{', '.join(tags)}]\n---\n")
    return front + paragraph(rng, 40) + "\n\n" + "\n\n".join(sections) + "\n"


def main():
    folder, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(42)
    os.makedirs(os.path.join(folder, "pages"), exist_ok=True)
    first = date(2000, 1, 1)
    for n in range(count):
        day = first + timedelta(days=n * 9000 // max(count, 1))
        with open(os.path.join(folder, f"{day.isoformat()}-essay-{n}.md"), "w", encoding="utf-8") as f:
            f.write(essay(rng, n, day))
    with open(os.path.join(folder, "pages", "about.md"), "w", encoding="utf-8") as f:
        f.write('---\ntitle: About\nsummary: "A synthetic archive for the benchmark."\n---\nBenchmark site.\n')


if __name__ == "__main__":
    main()
