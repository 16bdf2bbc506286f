package dev.heed.checker.report;

import com.google.errorprone.ErrorProneOptions;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.MultiTaskListener;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import com.sun.tools.javac.util.Options;
import dev.heed.checker.HeedCheck;
import dev.heed.checker.config.ConfigProblems;
import dev.heed.checker.config.HeedOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * The one door every Heed finding leaves through: reported to javac, unless a baseline knows it
 * ({@code -XepOpt:Heed:Baseline}), and recorded in a SARIF log ({@code -XepOpt:Heed:Sarif}). One
 * instance per compilation, shared by the checks through Error Prone's injector.
 *
 * <p>Error Prone has no end-of-compilation callback; the work that needs every finding (stale
 * baseline entries, the summary line, writing the files) runs from a javac {@link TaskListener}
 * registered with the compilation the first time a check calls {@link #seen}: when the first class
 * is generated under {@code -XDcompilePolicy=simple} (every unit has been analyzed by then, and
 * errors still count in javac's summary), else when the compilation finishes.
 */
public final class Reporter {
  private final HeedOptions options;
  private final ConfigProblems problems;
  private final @Nullable Baseline baseline;
  private final boolean recording;

  /** How often each finding (keyed with occurrence 1) was seen in this compilation. */
  private final Map<FindingKey, Integer> occurrences = new HashMap<>();

  private final Set<FindingKey> matched = new HashSet<>();
  private final List<FindingKey> current = new ArrayList<>();
  private final List<SarifLog.Result> results = new ArrayList<>();

  /** The files (relative to the root) of the units a check has seen. */
  private final Set<String> compiled = new LinkedHashSet<>();

  private @Nullable CompilationUnitTree lastUnit;
  private boolean listening;
  private boolean finished;
  private int known;
  private int fresh;

  /** Called by Error Prone's injector. */
  @Inject
  public Reporter(HeedOptions options, ConfigProblems problems) {
    this.options = options;
    this.problems = problems;
    Path file = options.baseline().orElse(null);
    if (file == null) {
      this.baseline = null;
    } else if (options.updateBaseline()) {
      this.baseline = Baseline.empty(file);
    } else {
      List<String> found = new ArrayList<>();
      this.baseline = Baseline.read(file, found);
      found.forEach(problems::add);
    }
    this.recording = baseline != null || options.sarif().isPresent();
  }

  /**
   * Notes that a check is looking at the unit {@code state} is in: its baseline entries are checked
   * at the end of the compilation. Every check calls it before it reports anything.
   */
  public void seen(VisitorState state) {
    if (!recording) {
      return;
    }
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (unit != lastUnit) {
      lastUnit = unit;
      compiled.add(FindingKey.relativeFile(unit, options.root()));
    }
    if (!listening) {
      listening = true;
      listen(state.context);
    }
  }

  /**
   * Reports {@code description}, a finding of the check called {@code check} on the tree at {@code
   * at} (the reported tree is its leaf).
   */
  public void report(String check, TreePath at, Description description, VisitorState state) {
    if (!recording) {
      state.reportMatch(description);
      return;
    }
    seen(state);
    FindingKey first = FindingKey.of(check, at, state, options.root());
    int n = occurrences.merge(first, 1, Integer::sum);
    FindingKey key = first.withOccurrence(n);
    boolean isKnown = baseline != null && !options.updateBaseline() && baseline.contains(key);
    if (options.sarif().isPresent()) {
      results.add(result(check, at, description, state, key, isKnown));
    }
    if (options.updateBaseline()) {
      current.add(key); // recorded, never fails the build
    } else if (isKnown) {
      known++;
      matched.add(key);
    } else {
      fresh += baseline == null ? 0 : 1;
      state.reportMatch(description);
    }
  }

  private SarifLog.Result result(
      String check,
      TreePath at,
      Description description,
      VisitorState state,
      FindingKey key,
      boolean isKnown) {
    CompilationUnitTree unit = at.getCompilationUnit();
    long position = ((JCTree) at.getLeaf()).getPreferredPosition();
    return new SarifLog.Result(
        HeedCheck.named(check).orElseThrow(),
        level(check, state),
        description.getRawMessage(),
        key.file(),
        unit.getLineMap().getLineNumber(position),
        unit.getLineMap().getColumnNumber(position),
        baseline == null || options.updateBaseline() ? null : isKnown ? "unchanged" : "new",
        SarifLog.Result.fingerprint(key));
  }

  /** The SARIF level of the finding: its check's severity after {@code -Xep:Check:LEVEL}. */
  private static String level(String check, VisitorState state) {
    ErrorProneOptions.Severity override = state.errorProneOptions().getSeverityMap().get(check);
    if (override == ErrorProneOptions.Severity.WARN) {
      return "warning";
    }
    if (override == ErrorProneOptions.Severity.ERROR) {
      return "error";
    }
    // The check's own severity (the description's is only set once Error Prone reports it).
    return switch (HeedCheck.named(check).orElseThrow().severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case SUGGESTION -> "note";
    };
  }

  private void listen(Context context) {
    boolean simple = "simple".equals(Options.instance(context).get("compilePolicy"));
    MultiTaskListener.instance(context)
        .add(
            new TaskListener() {
              @Override
              public void started(TaskEvent e) {
                if (simple && e.getKind() == TaskEvent.Kind.GENERATE) {
                  finish(context);
                }
              }

              @Override
              public void finished(TaskEvent e) {
                if (e.getKind() == TaskEvent.Kind.COMPILATION) {
                  finish(context);
                }
              }
            });
  }

  /** The end of the compilation: stale entries, the summary, the files. Runs once. */
  private void finish(Context context) {
    if (finished || problems.any()) {
      return;
    }
    finished = true;
    Log log = Log.instance(context);
    Path root = options.root();
    if (baseline != null && options.updateBaseline()) {
      try {
        int total = Baseline.update(baseline.file(), current, compiled, root);
        note(
            log,
            String.format(
                "wrote %d findings of this compilation to %s (%d entries in all)",
                current.size(), baseline.file(), total));
      } catch (IOException | RuntimeException e) {
        error(log, Baseline.flag(baseline.file()) + ": cannot write it (" + e.getMessage() + ")");
      }
    } else if (baseline != null) {
      for (Map.Entry<FindingKey, Integer> stale : baseline.stale(matched, compiled, root)) {
        FindingKey key = stale.getKey();
        error(
            log,
            String.format(
                "%s:%d: stale entry, it matches no finding any more: [%s] %s in %s.%s (%s,"
                    + " occurrence %d). Delete the line, or rewrite the file with -XepOpt:%s=true",
                Baseline.flag(baseline.file()),
                stale.getValue(),
                key.check(),
                key.code(),
                key.className(),
                key.member(),
                key.file(),
                key.occurrence(),
                HeedOptions.UPDATE_BASELINE));
      }
      note(log, String.format("%d known findings from %s, %d new", known, baseline.file(), fresh));
    }
    Path sarif = options.sarif().orElse(null);
    if (sarif != null) {
      try {
        SarifLog.write(sarif, results, compiled, root);
      } catch (IOException | RuntimeException e) {
        error(
            log,
            "-XepOpt:"
                + HeedOptions.SARIF
                + "="
                + sarif
                + ": cannot write it ("
                + e.getMessage()
                + ")");
      }
    }
  }

  /**
   * A summary line: a note for a compile with a diagnostic listener (Gradle, IDEs, javax.tools);
   * else a plain line of javac's output, since Maven's javac wrapper drops {@code Note:} lines.
   */
  private static void note(Log log, String message) {
    if (log.hasDiagnosticListener()) {
      log.note(new JCDiagnostic.Note("compiler", "proc.messager", "[Heed] " + message));
    } else {
      log.printRawLines(Log.WriterKind.NOTICE, "[Heed] " + message);
    }
  }

  private static void error(Log log, String message) {
    log.error(new JCDiagnostic.Error("compiler", "proc.messager", "[Heed] " + message));
  }
}
