#!/usr/bin/env python3
"""Writes a synthetic archive of essays for src/bench/run.sh.

Usage: generate.py FOLDER COUNT [--hugo]

With --hugo, FOLDER becomes a Hugo site of the same essays (content/posts/essay-N.md, the same
front matter and bodies, so the same URLs) with a minimal three-template layout, for the
benchmark's "× Hugo" rows.

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


HUGO_CONFIG = 'baseURL = "http://localhost:8080/"\ntitle = "Benchmark"\n[taxonomies]\ntag = "tags"\n'
HUGO_LAYOUTS = {
    "baseof.html": '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
                   '<body>{{ block "main" . }}{{ end }}</body></html>\n',
    "single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>'
                   '{{ .TableOfContents }}{{ .Content }}<p>{{ range .Params.tags }}'
                   '<a href="/tags/{{ . | urlize }}/">{{ . }}</a> {{ end }}</p></article>{{ end }}\n',
    "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li>'
                 '<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>{{ end }}\n',
}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    folder, count = sys.argv[1], int(sys.argv[2])
    hugo = "--hugo" in sys.argv[3:]
    rng = random.Random(42)
    first = date(2000, 1, 1)
    for n in range(count):
        day = first + timedelta(days=n * 9000 // max(count, 1))
        text = essay(rng, n, day)
        if hugo:
            write(os.path.join(folder, "content", "posts", f"essay-{n}.md"), text)
        else:
            write(os.path.join(folder, f"{day.isoformat()}-essay-{n}.md"), text)
    if hugo:
        write(os.path.join(folder, "hugo.toml"), HUGO_CONFIG)
        for name, text in HUGO_LAYOUTS.items():
            write(os.path.join(folder, "layouts", "_default", name), text)
        write(os.path.join(folder, "content", "about.md"), '---\ntitle: About\n---\nBenchmark site.\n')
    else:
        write(os.path.join(folder, "pages", "about.md"),
              '---\ntitle: About\nsummary: "A synthetic archive for the benchmark."\n---\nBenchmark site.\n')


if __name__ == "__main__":
    main()
