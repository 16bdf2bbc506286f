package dev.heed.checker.exceptions;

import com.google.errorprone.VisitorState;
import dev.heed.checker.config.ConfigProblems;
import dev.heed.checker.config.HeedOptions;
import dev.heed.checker.report.LockedFile;
import java.io.IOException;
import java.nio.file.Path;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;

/**
 * The reviewers' inventory ({@code -XepOpt:Heed:ExceptionsReport=<file>}): one JSON object per line
 * for each reviewed exception and each check it excused. Lines are appended under a file lock, so
 * several modules (or parallel javac processes) can share one file; nothing truncates it.
 */
public final class ExceptionsReport {
  private final HeedOptions options;
  private final ConfigProblems problems;

  /** Called by Error Prone's injector: one instance per compilation. */
  @Inject
  public ExceptionsReport(HeedOptions options, ConfigProblems problems) {
    this.options = options;
    this.problems = problems;
  }

  public boolean enabled() {
    return options.exceptionsReport().isPresent();
  }

  /**
   * Appends one line: the exception at {@code file}:{@code line} excused {@code findings} drops
   * reported by {@code check} ({@code null} with 0 for a stale exception).
   */
  public void record(
      String file,
      long line,
      @Nullable String check,
      int findings,
      String reason,
      VisitorState state) {
    if (options.exceptionsReport().isEmpty()) {
      return;
    }
    String json =
        "{\"file\":"
            + quote(file)
            + ",\"line\":"
            + line
            + ",\"check\":"
            + (check == null ? "null" : quote(check))
            + ",\"findings\":"
            + findings
            + ",\"reason\":"
            + quote(reason)
            + "}\n";
    String target = options.exceptionsReport().get();
    try {
      LockedFile.append(Path.of(target), json);
    } catch (IOException | RuntimeException e) {
      problems.add(
          String.format(
              "-XepOpt:%s=%s: cannot append to it (%s: %s)",
              HeedOptions.EXCEPTIONS_REPORT, target, e.getClass().getName(), e.getMessage()));
      problems.none(state); // reports it now
    }
  }

  /** A JSON string literal. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
