#!/usr/bin/env python3
"""Turns a bench.py results directory (and bench/triage.csv) into the markdown tables of
docs/performance.md and docs/evaluation.md.

  report.py RESULTS_DIR [--triage bench/triage.csv] [--after-triage FILE] [--section all|perf|eval]

Ratios are per round: (b)/(a) is computed for each round from the two side-by-side compiles of the
same library, and the table shows the median over rounds (and the min..max spread).
"""
import argparse, csv, json, statistics, sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, str(HERE))
from bench import parse_corpus  # noqa: E402


def load_runs(res):
    runs = [json.loads(l) for l in open(res / "runs.jsonl")]
    by = defaultdict(dict)  # (lib, round) -> mode -> run
    for r in runs:
        by[(r["library"], r["round"])][r["mode"]] = r
    return runs, by


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def fmt_ratio(xs):
    if not xs:
        return "-"
    return f"{med(xs):.3f} ({min(xs):.2f}..{max(xs):.2f})"


def ratios(by, lib, metric, num="b", den="a"):
    out = []
    for (l, rnd), modes in sorted(by.items()):
        if l == lib and num in modes and den in modes and modes[den].get(metric):
            out.append(modes[num][metric] / modes[den][metric])
    return out


def perf(res):
    runs, by = load_runs(res)
    libs = list(dict.fromkeys(r["library"] for r in runs))
    rounds = sorted({r["round"] for r in runs})
    print(f"Runs: {len(runs)}, rounds: {len(rounds)}, crashes: {sum(r['crash'] for r in runs)}, "
          f"runs with javac errors: {sum(1 for r in runs if r['javac_errors'])}\n")
    print("| library | lines | rounds | (a) CPU s | (b) CPU s | (c) CPU s | (b)/(a) CPU | (b)/(a) wall | (b)/(a) peak RSS | (c)/(a) CPU |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    total = defaultdict(lambda: defaultdict(float))  # round -> mode_metric -> sum
    complete_rounds = defaultdict(set)
    for lib in libs:
        if lib.startswith("gen-"):
            continue
        rs = [m for (l, _), m in by.items() if l == lib]
        lines = rs[0][next(iter(rs[0]))]["lines"]
        cpu = {m: med([x[m]["cpu"] for x in rs if m in x]) for m in "abc"}
        n = len([x for x in rs if "a" in x and "b" in x])
        print(f"| {lib} | {lines} | {n} | {cpu['a']:.1f} | {cpu['b']:.1f} | {cpu['c']:.1f} | "
              f"{fmt_ratio(ratios(by, lib, 'cpu'))} | {fmt_ratio(ratios(by, lib, 'wall'))} | "
              f"{fmt_ratio(ratios(by, lib, 'rss_kb'))} | {fmt_ratio(ratios(by, lib, 'cpu', 'c', 'a'))} |")
        for (l, rnd), modes in by.items():
            if l == lib and all(m in modes for m in "ab"):
                complete_rounds[rnd].add(lib)
                for m in modes:
                    total[rnd][m + "cpu"] += modes[m]["cpu"]
                    total[rnd][m + "wall"] += modes[m]["wall"] or 0
    corpus = [l for l in libs if not l.startswith("gen-")]
    full = [r for r in total if complete_rounds[r] == set(corpus)]
    if full:
        def tr(metric, num="b"):
            return [total[r][num + metric] / total[r]["a" + metric] for r in full if total[r][num + metric]]
        print(f"| **whole corpus** (sum per round) | | {len(full)} | "
              f"{med([total[r]['acpu'] for r in full]):.1f} | {med([total[r]['bcpu'] for r in full]):.1f} | "
              f"{med([total[r]['ccpu'] for r in full if total[r]['ccpu']]):.1f} | {fmt_ratio(tr('cpu'))} | {fmt_ratio(tr('wall'))} | | "
              f"{fmt_ratio(tr('cpu', 'c'))} |")
    rss = [med(ratios(by, l, "rss_kb")) for l in corpus if ratios(by, l, "rss_kb")]
    if rss:
        print(f"\nPeak RSS (b)/(a): per-library medians from {min(rss):.3f} to {max(rss):.3f}, "
              f"median of them {med(rss):.3f}.")
    gens = sorted((l for l in libs if l.startswith("gen-")), key=lambda s: int(s[5:]))
    if gens:
        print("\nScaling on the generated codebase (bench.py gen): median over rounds.\n")
        print("| size | lines | (a) CPU s | (b) CPU s | marginal (b)-(a) CPU s | marginal per 10k lines | (b)/(a) CPU | (b)/(a) peak RSS |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for g in gens:
            rs = [m for (l, _), m in by.items() if l == g and "a" in m and "b" in m]
            lines = rs[0]["a"]["lines"]
            a = med([x["a"]["cpu"] for x in rs]); b = med([x["b"]["cpu"] for x in rs])
            marg = med([x["b"]["cpu"] - x["a"]["cpu"] for x in rs])
            print(f"| {g[4:]} | {lines} | {a:.1f} | {b:.1f} | {marg:.2f} | {marg / lines * 1e4:.3f} | "
                  f"{fmt_ratio(ratios(by, g, 'cpu'))} | {fmt_ratio(ratios(by, g, 'rss_kb'))} |")


def findings(res, mode):
    rows = [json.loads(l) for l in open(res / "findings.jsonl")]
    return [r for r in rows if r["mode"] == mode]


def load_triage(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def precision_table(tri, title):
    print(f"\n{title}\n")
    print("| check | category | findings | real drop | intended, unreviewed | false positive | real % | wanted % (real + intended) |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    groups = defaultdict(Counter)
    for t in tri:
        groups[(t["check"], t["category"])][t["label"]] += 1
    tot = Counter()
    for (check, cat), c in sorted(groups.items()):
        n = sum(c.values()); tot.update(c)
        print(f"| {check} | {cat} | {n} | {c['real']} | {c['intended']} | {c['fp']} | "
              f"{100 * c['real'] / n:.0f}% | {100 * (c['real'] + c['intended']) / n:.0f}% |")
    n = sum(tot.values())
    if n:
        print(f"| **all** | | {n} | {tot['real']} | {tot['intended']} | {tot['fp']} | "
              f"{100 * tot['real'] / n:.0f}% | {100 * (tot['real'] + tot['intended']) / n:.0f}% |")


def evaluation(res, triage, after, project=None):
    runs, by = load_runs(res)
    corpus = {l["name"]: l for l in parse_corpus()}
    print("| library | artifacts compiled | files | lines | javac errors | crashes (all runs) |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    tl = tf = 0
    for name, lib in corpus.items():
        rs = [r for r in runs if r["library"] == name]
        if not rs:
            continue
        tl += rs[0]["lines"]; tf += rs[0]["files"]
        arts = ", ".join(c.split(":", 1)[1] for c in lib["sources"])
        print(f"| {name} | {arts} | {rs[0]['files']} | {rs[0]['lines']} | "
              f"{max(r['javac_errors'] for r in rs)} | {sum(r['crash'] for r in rs)} |")
    print(f"| **total** | | {tf} | {tl} | | {sum(r['crash'] for r in runs if not r['library'].startswith('gen-'))} |")

    heed = [f for f in findings(res, "b") if not f["library"].startswith("gen-")]
    frvi = [f for f in findings(res, "c") if not f["library"].startswith("gen-")]
    print("\nFindings per library and check (mode b, Heed; mode c, FutureReturnValueIgnored):\n")
    c = Counter((f["library"], f["check"]) for f in heed + frvi)
    checks = sorted({k[1] for k in c})
    print("| library | " + " | ".join(checks) + " |")
    print("| --- |" + " ---: |" * len(checks))
    for name in corpus:
        print(f"| {name} | " + " | ".join(str(c[(name, k)]) for k in checks) + " |")
    print("| **total** | " + " | ".join(str(sum(v for (l, k), v in c.items() if k == ch)) for ch in checks) + " |")

    key = lambda f: (f["library"], f["file"], f["line"])
    hf = {key(f): f for f in heed if f["check"] == "DiscardedFuture"}
    hall = {key(f): f for f in heed}
    ff = {key(f): f for f in frvi}
    shared = sorted(set(hf) & set(ff)); heed_only = sorted(set(hf) - set(ff)); frvi_only = sorted(set(ff) - set(hall))
    print("\nOverlap of DiscardedFuture with FutureReturnValueIgnored (same library, file and line):\n")
    print("| | count | examples |")
    print("| --- | ---: | --- |")
    ex = lambda ks: "; ".join(f"{l} `{Path(fl).name}:{ln}`" for l, fl, ln in ks[:3])
    print(f"| both report | {len(shared)} | {ex(shared)} |")
    print(f"| only DiscardedFuture | {len(heed_only)} | {ex(heed_only)} |")
    print(f"| only FutureReturnValueIgnored | {len(frvi_only)} | {ex(frvi_only)} |")
    print(f"| DiscardedMustUse (FRVI has no equivalent) | {sum(1 for f in heed if f['check'] == 'DiscardedMustUse')} | |")
    if heed_only:
        print("\nOnly DiscardedFuture, by message:\n")
        for m, n in Counter(hf[k]["message"].split(":")[0] for k in heed_only).most_common(12):
            print(f"- {n} x {m}")
    if frvi_only:
        print("\nOnly FutureReturnValueIgnored:\n")
        for k in frvi_only[:20]:
            print(f"- {k[0]} `{k[1]}:{k[2]}`: {ff[k]['message'][:160]}")

    if triage and Path(triage).exists():
        tri = load_triage(triage)
        precision_table(tri, f"Precision before the engine fixes ({len(tri)} findings triaged, all of them):")
        fp = Counter(t["fp_class"] for t in tri if t["label"] == "fp")
        print("\n| false-positive class | findings |\n| --- | ---: |")
        for k, n in fp.most_common():
            print(f"| {k} | {n} |")
    if after and Path(after).exists():
        precision_table(load_triage(after), "Precision after the engine fixes:")
    if project and triage and Path(triage).exists():
        gone = set(project.split(","))
        kept = [t for t in load_triage(triage) if not (t["label"] == "fp" and t["fp_class"].split()[0] in gone)]
        precision_table(kept, "PROJECTED (not measured): the same labels without the findings of false-positive "
                        f"classes {', '.join(sorted(gone))}, as if their rules removed exactly those:")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("--triage", default=str(HERE / "triage.csv"))
    ap.add_argument("--after-triage")
    ap.add_argument("--project", help="comma-separated FP classes (FP-A,FP-G,...) assumed fixed: a projection")
    ap.add_argument("--section", default="all", choices=["all", "perf", "eval"])
    a = ap.parse_args()
    res = Path(a.results)
    if a.section in ("all", "perf"):
        print("## Cost\n"); perf(res); print()
    if a.section in ("all", "eval"):
        print("## Evaluation\n"); evaluation(res, a.triage, a.after_triage, a.project)


if __name__ == "__main__":
    main()
