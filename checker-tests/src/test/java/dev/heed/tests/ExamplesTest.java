package dev.heed.tests;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The hyper bug in {@code examples/} (docs/hyper-bug.md), compiled through the real plugin path:
 * with its buggy shutdown path the server has exactly one {@code DiscardedMustUse} finding, at the
 * dropped {@code pollFlush()}, and one {@code CloseBeforeFlush} at the close that follows it; with
 * its fixed shutdown path it has none.
 */
class ExamplesTest {
  /** The examples' sources; surefire runs in this module's directory. */
  private static final Path SOURCES = Path.of("..", "examples", "src", "main", "java");

  private static final Path PACKAGE = SOURCES.resolve(Path.of("dev", "heed", "examples"));
  private static final Path BUGGY = PACKAGE.resolve(Path.of("buggy", "Shutdown.java"));
  private static final Path FIXED = PACKAGE.resolve(Path.of("fixed", "Shutdown.java"));

  /** A call of pollFlush() whose result is dropped: the whole statement is the call. */
  private static final Pattern DROPPED_FLUSH = Pattern.compile("^\\s*\\w+\\.pollFlush\\(\\);");

  /** A close() statement. */
  private static final Pattern CLOSE = Pattern.compile("^\\s*\\w+\\.close\\(\\);");

  /** One Heed finding, where it is. */
  private record Finding(String file, long line, String check) {}

  @Test
  void buggyShutdownPathIsReportedAtTheDroppedFlushAndTheCloseAfterIt() throws IOException {
    List<String> lines = Files.readAllLines(BUGGY, UTF_8);
    List<Long> dropped = linesMatching(lines, DROPPED_FLUSH, 0);
    assertEquals(1, dropped.size(), () -> BUGGY + " should drop pollFlush() once: " + dropped);
    long flush = dropped.get(0);
    List<Long> closes = linesMatching(lines, CLOSE, flush);
    assertEquals(1, closes.size(), () -> BUGGY + " should close once after the flush: " + closes);

    ImmutableList<Finding> findings = findings(BUGGY);

    assertEquals(
        List.of(
            new Finding(BUGGY.toString(), flush, "DiscardedMustUse"),
            new Finding(BUGGY.toString(), closes.get(0), "CloseBeforeFlush")),
        findings);
  }

  @Test
  void fixedShutdownPathAndTheServerAreClean() {
    assertEquals(List.of(), findings(FIXED));
  }

  /** The 1-based numbers of the lines after line {@code after} that {@code pattern} finds. */
  private static List<Long> linesMatching(List<String> lines, Pattern pattern, long after) {
    List<Long> found = new ArrayList<>();
    for (int i = (int) after; i < lines.size(); i++) {
      if (pattern.matcher(lines.get(i)).find()) {
        found.add(i + 1L);
      }
    }
    return found;
  }

  /** Heed's findings in the shared server sources compiled with {@code shutdownPath}, by line. */
  private static ImmutableList<Finding> findings(Path shutdownPath) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (Path source : sharedSources()) {
      sources.add(fileObject(source));
    }
    sources.add(fileObject(shutdownPath));
    Compilation compilation = Heed.compile(sources, List.of());
    ImmutableList<String> others = Heed.otherProblems(compilation);
    assertTrue(others.isEmpty(), () -> "unexpected diagnostics:\n" + String.join("\n", others));
    return Heed.heedDiagnostics(compilation).stream()
        .map(d -> new Finding(file(d), d.getLineNumber(), Heed.checkName(d)))
        .sorted(Comparator.comparing(Finding::file).thenComparingLong(Finding::line))
        .collect(toImmutableList());
  }

  /** The server: every source but the two shutdown path variants. */
  private static ImmutableList<Path> sharedSources() {
    try (Stream<Path> files = Files.list(PACKAGE)) {
      ImmutableList<Path> shared =
          files.filter(p -> p.toString().endsWith(".java")).sorted().collect(toImmutableList());
      assertTrue(shared.size() > 1, () -> "no example sources in " + PACKAGE.toAbsolutePath());
      return shared;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JavaFileObject fileObject(Path source) {
    try {
      return JavaFileObjects.forResource(source.toAbsolutePath().normalize().toUri().toURL());
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(source.toString(), e);
    }
  }

  /** The diagnostic's file, as a path relative to this module like {@link #BUGGY}. */
  private static String file(Diagnostic<? extends JavaFileObject> diagnostic) {
    Path absolute = Path.of(diagnostic.getSource().toUri()).normalize();
    return Path.of("").toAbsolutePath().relativize(absolute).toString();
  }
}
