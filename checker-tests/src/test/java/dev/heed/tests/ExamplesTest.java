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
 * with its buggy variants ({@code buggy/}: the NIO server's shutdown path, the same path in hyper's
 * own {@code this.pollFlush(); this.io.close()} shape, and the java.io server's responder) every
 * dropped {@code pollFlush()} is one {@code DiscardedMustUse} finding and every close after it one
 * {@code CloseBeforeFlush}; with the fixed variants ({@code fixed/}) the servers have none.
 */
class ExamplesTest {
  /** The examples' sources; surefire runs in this module's directory. */
  private static final Path SOURCES = Path.of("..", "examples", "src", "main", "java");

  private static final Path PACKAGE = SOURCES.resolve(Path.of("dev", "heed", "examples"));
  private static final Path BUGGY = PACKAGE.resolve("buggy");
  private static final Path FIXED = PACKAGE.resolve("fixed");

  /** The variants each directory must hold: the NIO path, hyper's shape, the java.io responder. */
  private static final List<String> VARIANTS =
      List.of("BlockingResponder.java", "HyperShutdown.java", "Shutdown.java");

  /** A call of pollFlush() whose result is dropped: the whole statement is the call. */
  private static final Pattern DROPPED_FLUSH = Pattern.compile("^\\s*[\\w.]+\\.pollFlush\\(\\);");

  /** A close() statement, on a variable or a field path. */
  private static final Pattern CLOSE = Pattern.compile("^\\s*[\\w.]+\\.close\\(\\);");

  /** One Heed finding, where it is. */
  private record Finding(String file, long line, String check) {}

  @Test
  void buggyVariantsAreReportedAtTheDroppedFlushAndTheCloseAfterIt() throws IOException {
    List<Finding> expected = new ArrayList<>();
    for (Path variant : variants(BUGGY)) {
      List<String> lines = Files.readAllLines(variant, UTF_8);
      List<Long> closes = linesMatching(lines, CLOSE, 0);
      assertEquals(1, closes.size(), () -> variant + " should close once: " + closes);
      for (long flush : linesMatching(lines, DROPPED_FLUSH, 0)) {
        assertTrue(flush < closes.get(0), () -> variant + ": the flush should precede the close");
        expected.add(new Finding(variant.toString(), flush, "DiscardedMustUse"));
      }
      expected.add(new Finding(variant.toString(), closes.get(0), "CloseBeforeFlush"));
    }
    // The NIO path and hyper's shape drop the flush; the java.io responder writes and closes.
    assertEquals(2, expected.stream().filter(f -> f.check().equals("DiscardedMustUse")).count());

    assertEquals(expected, findings(BUGGY));
  }

  @Test
  void fixedVariantsAndTheServersAreClean() throws IOException {
    assertEquals(List.of(), findings(FIXED));
  }

  /** The variant sources in {@code directory}, sorted like the findings. */
  private static List<Path> variants(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> variants = files.sorted().toList();
      assertEquals(
          VARIANTS,
          variants.stream().map(p -> p.getFileName().toString()).toList(),
          () -> "the variants in " + directory);
      return variants;
    }
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

  /** Heed's findings in the shared server sources compiled with the variants in {@code dir}. */
  private static ImmutableList<Finding> findings(Path dir) throws IOException {
    List<JavaFileObject> sources = new ArrayList<>();
    for (Path source : sharedSources()) {
      sources.add(fileObject(source));
    }
    for (Path variant : variants(dir)) {
      sources.add(fileObject(variant));
    }
    Compilation compilation = Heed.compile(sources, List.of());
    ImmutableList<String> others = Heed.otherProblems(compilation);
    assertTrue(others.isEmpty(), () -> "unexpected diagnostics:\n" + String.join("\n", others));
    return Heed.heedDiagnostics(compilation).stream()
        .map(d -> new Finding(file(d), d.getLineNumber(), Heed.checkName(d)))
        .sorted(Comparator.comparing(Finding::file).thenComparingLong(Finding::line))
        .collect(toImmutableList());
  }

  /** The servers: every source but the variants. */
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
