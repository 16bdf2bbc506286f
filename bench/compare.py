#!/usr/bin/env python3
"""Two Heed jars side by side on the corpus: compile time and findings, in one run.

  compare.py --base OLD.jar --head NEW.jar [--rounds N] [--only a,b] --out DIR

Each round compiles every library in three configurations, in a rotating order: mode a (all
checks off, HEAD's jar on the processor path), mode b with BASE's jar, mode b with HEAD's jar.
It prints the CPU ratios b(base)/a, b(head)/a and b(head)/b(base), summed over libraries and
rounds, and the findings (library, file, line, check) that one jar reports and the other does not,
so a refactoring can show that it changed no finding. Uses bench.py's javac command and corpus.
"""
import argparse, collections, json, os, sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--head", required=True)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--only")
    p.add_argument("--half", choices=bench.HALVES)
    p.add_argument("--corpus", default=bench.HERE / "corpus.txt")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    ep = bench.classpath_of([f"com.google.errorprone:error_prone_core:{bench.EP_VERSION}"],
                            bench.WORK / "tools", "ep")
    configs = {"a": ("a", args.head), "base": ("b", args.base), "head": ("b", args.head)}
    out = Path(args.out)
    libs = [(l["name"], bench.fetch(l)) for l in bench.selected(args)]
    cpu = collections.defaultdict(float)
    found = {"base": set(), "head": set()}
    names = list(configs)
    for rnd in range(args.rounds):
        for name, info in libs:
            order = names[rnd % 3:] + names[:rnd % 3]
            for config in order:
                mode, jar = configs[config]
                logs = out / config
                logs.mkdir(parents=True, exist_ok=True)
                tools = ep + os.pathsep + jar
                rec, findings, errs, crashes = bench.compile_once(name, info, mode, tools, logs, rnd)
                cpu[config] += rec["cpu"]
                if config != "a":
                    found[config] |= {(f["library"], f["file"], f["line"], f["check"])
                                      for f in findings}
                print(f"r{rnd} {name:16} {config:4} cpu={rec['cpu']}s findings={len(findings)}"
                      f" javac_errors={len(errs)}" + (" CRASH" if crashes else ""), flush=True)
    summary = {
        "rounds": args.rounds, "libraries": [n for n, _ in libs],
        "cpu_seconds": {k: round(v, 1) for k, v in cpu.items()},
        "ratio_base_vs_off": round(cpu["base"] / cpu["a"], 4),
        "ratio_head_vs_off": round(cpu["head"] / cpu["a"], 4),
        "ratio_head_vs_base": round(cpu["head"] / cpu["base"], 4),
        "findings": {k: len(v) for k, v in found.items()},
        # Findings are written to the summary only for the development half: the held-out half's
        # findings are not read while rules are being written (bench/README.md).
        "only_base": sorted(found["base"] - found["head"]) if args.half not in ("heldout",) + bench.UNSEEN else [],
        "only_head": sorted(found["head"] - found["base"]) if args.half not in ("heldout",) + bench.UNSEEN else [],
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=1) + "\n")
    print(json.dumps({k: v for k, v in summary.items() if not k.startswith("only")}, indent=1))
    print("only in base:", len(summary["only_base"]), " only in head:", len(summary["only_head"]))


if __name__ == "__main__":
    main()
