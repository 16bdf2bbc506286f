#!/usr/bin/env python3
"""Heed's corpus harness: fetch real libraries from Maven Central and compile them with javac +
Error Prone in three modes, recording time, memory, crashes and every finding.

  bench.py fetch [--only a,b] [--half H]  sources and classpath of each corpus library
  bench.py run --rounds N [--only a,b] [--half dev|heldout|unseen|unseen2|unseen3|unseen4|unseen5]
                                          compile in modes a/b/c, alternating, N rounds
  bench.py halves                         the development and held-out halves of the corpus
  bench.py smoke LIB                      fetch + compile LIB once with Heed on; exit 1 on a crash
  bench.py gen --scale K --out DIR        a generated codebase, K copies of realistic async code

Modes (the same javac, flags, processor path and classpath in all three; Heed's jar is on the
processor path in every mode, so mode a pays for loading it too):
  a  -Xplugin:ErrorProne -XepDisableAllChecks
  b  ... -Xep:DiscardedFuture:WARN -Xep:DiscardedMustUse:WARN -Xep:UnjustifiedDiscard:WARN
  c  ... -Xep:FutureReturnValueIgnored:WARN
Checks run at WARN so that every mode goes on to generate class files (an ERROR finding would
stop javac after FLOW and make mode b look cheaper than a). Only the standard library is used.
"""
import argparse, fnmatch, json, os, re, shutil, subprocess, sys, time, zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
EP_VERSION = "2.52.0"
WORK = Path(os.environ.get("HEED_CORPUS", Path.home() / ".cache" / "heed-corpus"))
JDK = Path(os.environ.get("HEED_JDK", "/usr/lib/jvm/temurin-25-jdk-amd64"))
# The held-out sets beyond the two halves (README.md, "The unseen set"): corpus.txt's set=.
UNSEEN = ("unseen", "unseen2", "unseen3", "unseen4", "unseen5")
HALVES = ("dev", "heldout") + UNSEEN
HEED_JAR = Path(os.environ.get("HEED_JAR", REPO / "checker/target/heed-checker-0.1.0-SNAPSHOT.jar"))

# Override with HEED_CHECKS="A,B" (CloseBeforeFlush exists from commit 36cc022 on, MustUseCandidate
# from 2119277; a jar without a check ignores its name: -XepIgnoreUnknownCheckNames).
HEED_CHECKS = os.environ.get(
    "HEED_CHECKS",
    "DiscardedFuture,DiscardedMustUse,UnjustifiedDiscard,CloseBeforeFlush,MustUseCandidate").split(",")
MODES = {
    "a": "-Xplugin:ErrorProne -XepDisableAllChecks",
    "b": "-Xplugin:ErrorProne -XepDisableAllChecks -XepIgnoreUnknownCheckNames "
         + " ".join(f"-Xep:{c}:WARN" for c in HEED_CHECKS),
    "c": "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:FutureReturnValueIgnored:WARN",
}
JVM_FLAGS = [f"-J--add-exports=jdk.compiler/com.sun.tools.javac.{p}=ALL-UNNAMED"
             for p in ("api", "file", "main", "model", "parser", "processing", "tree", "util")] + [
    f"-J--add-opens=jdk.compiler/com.sun.tools.javac.{p}=ALL-UNNAMED" for p in ("code", "comp")]
CRASH_MARKERS = ("An unhandled exception was thrown by the Error Prone",
                 "An exception has occurred in the compiler")
FINDING = re.compile(r"^(/\S+?\.java):(\d+): (error|warning): \[(\w+)\] (.*)$")
JAVAC_ERROR = re.compile(r"^(/\S+?\.java):(\d+): error: (?!\[)(.*)$")


def parse_corpus(path=HERE / "corpus.txt"):
    libs = []
    for line in Path(path).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, *fields = line.split()
        kv = dict(f.split("=", 1) for f in fields)
        libs.append({
            "name": name,
            "sources": kv["sources"].split(","),
            "extra": [x for x in kv.get("extra", "").split(",") if x],
            "exclude": [x for x in kv.get("exclude", "").split(",") if x],
            "javac": [x for x in kv.get("javac", "").split(",") if x],
            "read": kv.get("read") == "before-split",
            **{u: kv.get("set") == u for u in UNSEEN},
        })
    return libs


def halves(libs):
    """The held-out split. A library whose findings were read before the split (read=before-split
    in corpus.txt) is in the development half. The others, sorted by name: the 1st, 3rd, 5th... are
    development too, the 2nd, 4th, 6th... the held-out half. A library marked set=unseen is in
    neither: it is the third set, held out from the rules written after both halves were read
    (README.md, "The unseen set"); set=unseen2 the fourth, held out from the rules written after
    the unseen set was read; set=unseen3 the fifth, held out from the rules written after the
    unseen2 set was read; set=unseen4 the sixth, held out from the rules written after the unseen3
    set was read; set=unseen5 the seventh, held out from the rules written after the unseen4 set
    was read. Computed from corpus.txt."""
    sets = {u: sorted(l["name"] for l in libs if l.get(u)) for u in UNSEEN}
    libs = [l for l in libs if not any(l.get(u) for u in UNSEEN)]
    seen = sorted(l["name"] for l in libs if l.get("read"))
    fresh = sorted(l["name"] for l in libs if not l.get("read"))
    return {"dev": sorted(seen + fresh[0::2]), "heldout": fresh[1::2], **sets}


def mvn(args, cwd):
    cmd = ["mvn", "-B", "-ntp", "-q"] + args
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"mvn failed in {cwd}: {' '.join(cmd)}\n{r.stdout[-4000:]}\n{r.stderr[-4000:]}")


def pom(coords, name):
    deps = []
    for c in coords:
        g, a, v = c.split(":")[:3]
        deps.append(f"<dependency><groupId>{g}</groupId><artifactId>{a}</artifactId>"
                    f"<version>{v}</version></dependency>")
    return (f'<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
            f"<groupId>dev.heed.bench</groupId><artifactId>{name}</artifactId><version>0</version>"
            f"<packaging>pom</packaging><dependencies>{''.join(deps)}</dependencies></project>\n")


def classpath_of(coords, dest, name):
    """Resolves coords and their runtime+compile dependencies with Maven; returns the classpath."""
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "pom.xml").write_text(pom(coords, name))
    cp_file = dest / "cp.txt"
    if not cp_file.exists():
        mvn(["dependency:build-classpath", "-Dmdep.outputFile=cp.txt", "-Dmdep.includeScope=runtime"], dest)
    return cp_file.read_text().strip()


def tool_path():
    return classpath_of([f"com.google.errorprone:error_prone_core:{EP_VERSION}"], WORK / "tools",
                        "ep") + os.pathsep + str(HEED_JAR)


def fetch(lib):
    d = WORK / "libs" / lib["name"]
    # A changed corpus line (coordinates, extras, excludes) resolves and unpacks afresh.
    stamp = d / "corpus-line.txt"
    line = repr((lib["sources"], lib["extra"], lib["exclude"]))
    # No stamp: never fetched, or a fetch that failed half way (cp.txt may be of another line).
    if not stamp.exists() or stamp.read_text() != line:
        for stale in ("cp.txt", "sources.txt"):
            (d / stale).unlink(missing_ok=True)
        shutil.rmtree(d / "srcjars", ignore_errors=True)
    cp = classpath_of(lib["sources"] + lib["extra"], d, lib["name"])
    src = d / "src"
    if not (d / "sources.txt").exists():
        jars = d / "srcjars"
        for c in lib["sources"]:
            mvn(["dependency:copy", f"-Dartifact={c}:jar:sources", f"-DoutputDirectory={jars}"], d)
        shutil.rmtree(src, ignore_errors=True)
        for j in sorted(jars.glob("*.jar")):
            with zipfile.ZipFile(j) as z:
                z.extractall(src)
        files = []
        for p in sorted(src.rglob("*.java")):
            rel = p.relative_to(src).as_posix()
            if rel.startswith("META-INF/") or p.name == "module-info.java":
                continue
            if any(fnmatch.fnmatch(rel, g) for g in lib["exclude"]):
                continue
            files.append(str(p))
        (d / "sources.txt").write_text("\n".join(files) + "\n")
    stamp.write_text(line)
    files = (d / "sources.txt").read_text().split()
    lines = sum(sum(1 for _ in open(f, encoding="utf-8", errors="replace")) for f in files)
    return {"dir": d, "cp": cp, "files": files, "lines": lines, "javac": lib.get("javac", [])}


def javac_cmd(mode, cp, argfile, out, tools, opts=()):
    return ([str(JDK / "bin/javac")] + JVM_FLAGS + ["-J-Xmx3g",
            "-XDcompilePolicy=simple", "--should-stop=ifError=FLOW", "-proc:none",
            "-processorpath", tools, "-cp", cp, "-d", str(out), "-implicit:none",
            "-encoding", "UTF-8", "-Xlint:none", "-Xmaxerrs", "1000000", "-Xmaxwarns", "1000000",
            *opts, MODES[mode], f"@{argfile}"])


def parse_time(path):
    t = {}
    for line in Path(path).read_text().splitlines():
        line = line.strip()
        if line.startswith("User time (seconds):"):
            t["user"] = float(line.split(":")[1])
        elif line.startswith("System time (seconds):"):
            t["sys"] = float(line.split(":")[1])
        elif line.startswith("Maximum resident set size (kbytes):"):
            t["rss_kb"] = int(line.split(":")[1])
        elif line.startswith("Elapsed (wall clock) time"):
            v = line.rsplit(" ", 1)[1].split(":")
            t["wall"] = sum(float(x) * 60 ** i for i, x in enumerate(reversed(v)))
    t["cpu"] = round(t.get("user", 0) + t.get("sys", 0), 2)
    t.setdefault("wall", None)
    return t


def compile_once(name, info, mode, tools, logdir, rnd):
    d = info["dir"]
    argfile = d / "sources.args"
    argfile.write_text("\n".join(f'"{f}"' for f in info["files"]) + "\n")
    out = WORK / "out" / name
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    log = logdir / f"{name}.{mode}.r{rnd}.log"
    tfile = logdir / f"{name}.{mode}.r{rnd}.time"
    cmd = javac_cmd(mode, info["cp"], argfile, out, tools, info.get("javac", ()))
    if os.path.exists("/usr/bin/time"):  # GNU time: wall, CPU, peak RSS (apt-get install time)
        cmd = ["/usr/bin/time", "-v", "-o", str(tfile)] + cmd
    else:
        tfile.write_text("")
    with open(log, "w") as f:
        rc = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT).returncode
    text = log.read_text(errors="replace")
    findings, javac_errors = [], []
    for line in text.splitlines():
        m = FINDING.match(line)
        if m:
            findings.append({"library": name, "file": os.path.relpath(m[1], d / "src"),
                             "line": int(m[2]), "check": m[4], "message": m[5]})
            continue
        m = JAVAC_ERROR.match(line)
        if m:
            javac_errors.append(line)
    crashes = [m for m in CRASH_MARKERS if m in text]
    rec = {"library": name, "mode": mode, "round": rnd, "rc": rc, "files": len(info["files"]),
           "lines": info["lines"], "findings": len(findings), "javac_errors": len(javac_errors),
           "crash": bool(crashes), "log": str(log), **parse_time(tfile)}
    return rec, findings, javac_errors, crashes


def javac_error_text(log, limit=40):
    """The javac errors of a log (each error line and the lines up to the next diagnostic), and
    nothing else: Heed's findings (`warning: [Check]`) are never printed, so that running on a
    held-out library shows no finding text."""
    out, keep = [], False
    for line in Path(log).read_text(errors="replace").splitlines():
        if re.match(r"^/\S+?\.java:\d+: ", line) or line.startswith("warning: ") or re.match(r"^\d+ (errors?|warnings?)$", line):
            keep = bool(JAVAC_ERROR.match(line))
        if keep:
            out.append(line)
    return "\n".join(out[:limit])


def crash_text(log, lines=40):
    """The first lines of an Error Prone or javac crash's stack trace (not a finding)."""
    text = Path(log).read_text(errors="replace").splitlines()
    for i, line in enumerate(text):
        if any(m in line for m in CRASH_MARKERS):
            return "\n".join(text[i:i + lines])
    return ""


def check_counts(findings):
    counts = {}
    for f in findings:
        counts[f["check"]] = counts.get(f["check"], 0) + 1
    return counts


def cmd_fetch(args):
    tools = tool_path()
    for lib in selected(args):
        info = fetch(lib)
        print(f"{lib['name']}: {len(info['files'])} files, {info['lines']} lines", flush=True)
    print("tools:", tools)


def selected(args):
    libs = parse_corpus(args.corpus)
    if getattr(args, "half", None):
        keep = halves(libs)[args.half]
        libs = [l for l in libs if l["name"] in keep]
    if args.only:
        keep = args.only.split(",")
        libs = [l for l in libs if l["name"] in keep]
    return libs


def cmd_run(args):
    tools = tool_path()
    res = Path(args.out or WORK / "results" / time.strftime("%Y%m%d-%H%M%S"))
    logs = res / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    libs = [(l["name"], fetch(l)) for l in selected(args)]
    if args.gen:
        for k in args.gen.split(","):
            gdir = WORK / "gen" / f"x{k}"
            generate(int(k), gdir)
            files = sorted(str(p) for p in (gdir / "src").rglob("*.java"))
            lines = sum(sum(1 for _ in open(f)) for f in files)
            libs.append((f"gen-x{k}", {"dir": gdir, "cp": "", "files": files, "lines": lines}))
    modes = args.modes.split(",")
    runs = open(res / "runs.jsonl", "a")
    fnd = open(res / "findings.jsonl", "a")
    for rnd in range(args.rounds):
        for name, info in libs:
            # Rotate the mode order every round, so that no mode always runs first (cold caches).
            order = modes[rnd % len(modes):] + modes[:rnd % len(modes)]
            for mode in order:
                rec, findings, errs, crashes = compile_once(name, info, mode, tools, logs, rnd)
                runs.write(json.dumps(rec) + "\n"); runs.flush()
                if rnd == 0:
                    for f in findings:
                        fnd.write(json.dumps({**f, "mode": mode}) + "\n")
                    fnd.flush()
                counts = " ".join(f"{c}={n}" for c, n in sorted(check_counts(findings).items()))
                print(f"r{rnd} {name:16} {mode} wall={rec.get('wall')}s cpu={rec['cpu']}s "
                      f"rss={rec.get('rss_kb', 0) // 1024}MiB findings={len(findings)} "
                      f"javac_errors={len(errs)} rc={rec['rc']}" + (" CRASH" if crashes else "")
                      + (f" [{counts}]" if counts else ""), flush=True)
                if errs and rnd == 0 and mode == order[0]:
                    print("  first javac errors:\n   " + "\n   ".join(errs[:5]), flush=True)
                if crashes:
                    print("  crash:\n   " + "\n   ".join(crash_text(rec["log"], 15).splitlines()), flush=True)
    print("results:", res)


def cmd_smoke(args):
    lib = next((l for l in parse_corpus(args.corpus) if l["name"] == args.lib), None)
    if lib is None:
        sys.exit(f"no library {args.lib} in {args.corpus}")
    tools = tool_path()
    info = fetch(lib)
    logs = WORK / "smoke"
    logs.mkdir(parents=True, exist_ok=True)
    rec, findings, errs, crashes = compile_once(lib["name"], info, "b", tools, logs, 0)
    counts = " ".join(f"{c}={n}" for c, n in sorted(check_counts(findings).items()))
    print(f"Heed smoke on {lib['name']} ({rec['files']} files, {rec['lines']} lines): "
          f"{len(findings)} findings [{counts}], {len(errs)} javac errors, {rec.get('wall')}s, "
          f"rc={rec['rc']}")
    if crashes or errs:
        # Only crash traces and javac errors, never the findings' text (the held-out half).
        print(crash_text(rec["log"]) if crashes else javac_error_text(rec["log"], 200), file=sys.stderr)
        sys.exit(f"Heed smoke FAILED: {'Error Prone crashed' if crashes else 'javac errors'}; log {rec['log']}")


# ---- generated codebase for the scaling series -------------------------------------------------

GEN_TEMPLATE = '''package gen.p{i};

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.*;
import java.util.function.Function;

/** Generated: a small async service, copy {i}. */
public final class Service{i} implements AutoCloseable {{
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final BlockingQueue<String> queue = new LinkedBlockingQueue<>(16);
  private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

  public CompletableFuture<String> fetch(String key) {{
    CompletableFuture<String> f = CompletableFuture.supplyAsync(() -> key.toUpperCase(), executor);
    pending.put(key, f);
    return f.thenApply(v -> v + "!").whenComplete((v, t) -> pending.remove(key));
  }}

  public List<String> fetchAll(List<String> keys) throws Exception {{
    List<CompletableFuture<String>> futures = new ArrayList<>();
    for (String k : keys) {{
      futures.add(fetch(k));
    }}
    List<String> out = new ArrayList<>();
    for (CompletableFuture<String> f : futures) {{
      String v = f.get(1, TimeUnit.SECONDS);
      if (v != null && !v.isEmpty()) {{
        out.add(v);
      }}
    }}
    return out;
  }}

  public void enqueue(String item) throws InterruptedException {{
    boolean accepted = queue.offer(item, 10, TimeUnit.MILLISECONDS);
    if (!accepted) {{
      queue.put(item);
    }}
    int size = queue.size();
    int limit = size > 8 ? size / 2 : size;
    for (int j = 0; j < limit; j++) {{
      String s = queue.poll();
      if (s == null) break;
      String t = s.trim();
      String u = t.isEmpty() ? "-" : t;
      process(u);
    }}
  }}

  private void process(String s) {{
    Future<?> f = executor.submit(() -> System.out.println(s));
    timer.schedule(() -> f.cancel(true), 1, TimeUnit.SECONDS);
    executor.execute(() -> fetch(s).join());
  }}

  public int write(SocketChannel ch, ByteBuffer buf) throws IOException {{
    int total = 0;
    while (buf.hasRemaining()) {{
      int n = ch.write(buf);
      total += n;
    }}
    return total;
  }}

  public <T, R> CompletionStage<R> map(CompletionStage<T> s, Function<T, R> fn) {{
    Function<T, R> logged = x -> {{
      R r = fn.apply(x);
      String text = String.valueOf(r);
      int len = text.length();
      return len >= 0 ? r : null;
    }};
    return s.thenApply(logged);
  }}

  public String describe(int a, int b, int c) {{
    int sum = a + b + c;
    int max = Math.max(a, Math.max(b, c));
    int min = Math.min(a, Math.min(b, c));
    StringBuilder sb = new StringBuilder();
    sb.append(sum).append(' ').append(max).append(' ').append(min);
    switch (sum % 3) {{
      case 0 -> sb.append(" zero");
      case 1 -> sb.append(" one");
      default -> sb.append(" two");
    }}
    return sb.toString();
  }}

  @Override
  public void close() throws InterruptedException {{
    executor.shutdown();
    if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {{
      List<Runnable> dropped = executor.shutdownNow();
      System.err.println("dropped " + dropped.size());
    }}
    timer.shutdownNow().forEach(Runnable::run);
  }}
}}
'''


def generate(scale, out, copies_per_unit=200):
    """scale x copies_per_unit classes of 104 lines each (scale 1 = 20.8k lines)."""
    src = out / "src"
    n = scale * copies_per_unit
    marker = out / "scale.txt"
    if marker.exists() and marker.read_text() == str(n):
        return
    shutil.rmtree(src, ignore_errors=True)
    for i in range(n):
        p = src / "gen" / f"p{i}" / f"Service{i}.java"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(GEN_TEMPLATE.format(i=i))
    marker.write_text(str(n))


def cmd_halves(args):
    h = halves(parse_corpus(args.corpus))
    for k in HALVES:
        print(f"{k}: {' '.join(h[k])}")


def cmd_gen(args):
    generate(args.scale, Path(args.out))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(HERE / "corpus.txt"))
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fetch"); f.add_argument("--only")
    f.add_argument("--half", choices=HALVES)
    sub.add_parser("halves")
    r = sub.add_parser("run")
    r.add_argument("--half", choices=HALVES,
                   help="only the development half, the held-out half or an unseen set (see halves())")
    r.add_argument("--rounds", type=int, default=3)
    r.add_argument("--modes", default="a,b,c")
    r.add_argument("--only", help="comma-separated library names (default: all); 'none' for none")
    r.add_argument("--gen", help="also compile generated codebases at these scales, e.g. 1,2,4,8")
    r.add_argument("--out")
    s = sub.add_parser("smoke"); s.add_argument("lib")
    g = sub.add_parser("gen"); g.add_argument("--scale", type=int, required=True); g.add_argument("--out", required=True)
    args = ap.parse_args()
    {"fetch": cmd_fetch, "run": cmd_run, "smoke": cmd_smoke, "gen": cmd_gen,
     "halves": cmd_halves}[args.cmd](args)


if __name__ == "__main__":
    main()
