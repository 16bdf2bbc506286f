package dev.heed.tests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UnjustifiedDiscard's suggested fix, applied by Error Prone's own patching, and the reviewers'
 * inventory written by {@code -XepOpt:Heed:ExceptionsReport}.
 */
class UnjustifiedDiscardTest {
  @TempDir Path dir;

  private JavaFileObject onDisk(String name, String source) throws IOException {
    Path file = dir.resolve(name + ".java");
    Files.writeString(file, source, UTF_8);
    return JavaFileObjects.forResource(file.toUri().toURL());
  }

  @Test
  void theFixRewritesSuppressWarningsToAnExceptionWithAnEmptyReasonKeepingComments()
      throws IOException {
    JavaFileObject source =
        onDisk(
            "Fixes",
            """
            import java.util.concurrent.CompletableFuture;

            class Fixes {
              static CompletableFuture<Void> ping() {
                return null;
              }

              @SuppressWarnings("DiscardedFuture") // metrics are best effort
              void single() {
                ping();
              }

              @SuppressWarnings({"unchecked", "DiscardedFuture"})
              void mixed() {
                ping();
              }
            }
            """);
    Heed.compile(
        List.of(source),
        List.of("-XepPatchChecks:UnjustifiedDiscard", "-XepPatchLocation:IN_PLACE"));
    assertEquals(
        """
        import dev.heed.annotations.AllowDiscard;
        import java.util.concurrent.CompletableFuture;

        class Fixes {
          static CompletableFuture<Void> ping() {
            return null;
          }

          @AllowDiscard(reason = "") // metrics are best effort
          void single() {
            ping();
          }

          @SuppressWarnings("unchecked") @AllowDiscard(reason = "")
          void mixed() {
            ping();
          }
        }
        """,
        Files.readString(dir.resolve("Fixes.java"), UTF_8));
  }

  @Test
  void theFixedSourceStaysRedUntilAReasonIsWritten() {
    JavaFileObject fixed =
        JavaFileObjects.forSourceString(
            "Fixed",
            """
            import dev.heed.annotations.AllowDiscard;
            class Fixed {
              static java.util.concurrent.CompletableFuture<Void> ping() { return null; }
              @AllowDiscard(reason = "") // metrics are best effort
              void single() {
                ping();
              }
            }
            """);
    Compilation compilation = Heed.compile(List.of(fixed), List.of());
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    assertEquals(
        List.of(new Fixture.Finding(4, "UnjustifiedDiscard")),
        Heed.findings(compilation).stream().toList());
  }

  private static final String EXCEPTIONS =
      """
      import dev.heed.annotations.AllowDiscard;
      import dev.heed.annotations.MustUse;
      class Exceptions {
        static java.util.concurrent.CompletableFuture<Void> ping() { return null; }
        @MustUse static int flush() { return 0; }
        @AllowDiscard(reason = "best effort: \\"pings\\" are retried")
        void both() {
          ping();
          ping();
          flush();
        }
        @AllowDiscard(reason = "stale")
        void stale() {}
      }
      """;

  @Test
  void theReportIsOneJsonObjectPerExceptionAndCheckAppendedAcrossCompilations() throws IOException {
    Path report = dir.resolve("reports/heed-exceptions.jsonl");
    String flag = "-XepOpt:Heed:ExceptionsReport=" + report;
    JavaFileObject source = onDisk("Exceptions", EXCEPTIONS);
    Heed.compile(List.of(source), List.of(flag));
    Heed.compile(List.of(source), List.of(flag)); // a second module writing the same file
    String file = dir.resolve("Exceptions.java").toString();
    String both =
        "{\"file\":\""
            + file
            + "\",\"line\":6,\"check\":\"%s\",\"findings\":%d,\"reason\":\"best effort:"
            + " \\\"pings\\\" are retried\"}";
    String stale =
        "{\"file\":\""
            + file
            + "\",\"line\":12,\"check\":null,\"findings\":0,\"reason\":\"stale\"}";
    List<String> once =
        List.of(both.formatted("DiscardedFuture", 2), both.formatted("DiscardedMustUse", 1), stale);
    // Each compilation appends its three lines; their order within one compilation is not fixed.
    List<String> lines = Files.readAllLines(report, UTF_8);
    assertEquals(6, lines.size(), () -> String.join("\n", lines));
    assertEquals(sorted(once), sorted(lines.subList(0, 3)));
    assertEquals(sorted(once), sorted(lines.subList(3, 6)));
  }

  private static List<String> sorted(List<String> lines) {
    return lines.stream().sorted().toList();
  }

  @Test
  void anUnwritableReportIsOneErrorNamingTheFlag() throws IOException {
    Path notADirectory = dir.resolve("file");
    Files.writeString(notADirectory, "x", UTF_8);
    Path report = notADirectory.resolve("heed.jsonl");
    Compilation compilation =
        Heed.compile(
            List.of(JavaFileObjects.forSourceString("Exceptions", EXCEPTIONS)),
            List.of("-XepOpt:Heed:ExceptionsReport=" + report));
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    List<String> errors =
        compilation.errors().stream()
            .map(d -> d.getMessage(Locale.ROOT))
            .filter(m -> m.startsWith("[Heed]"))
            .toList();
    assertEquals(1, errors.size(), () -> String.join("\n", errors));
    assertTrue(
        errors
            .get(0)
            .startsWith("[Heed] -XepOpt:Heed:ExceptionsReport=" + report + ": cannot append"),
        errors.get(0));
  }
}
