package dev.heed.tests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -XepOpt:Heed:Baseline} and {@code UpdateBaseline}: the adoption ratchet. */
class BaselineTest {
  @TempDir Path dir;

  private static final String SERVICE =
      """
      package p;
      import java.util.concurrent.CompletableFuture;
      class Service {
        static CompletableFuture<Void> send(String m) { return null; }
        void run() {
          send("a");
          send( "b" );
        }
      }
      """;

  private static final String HEADER =
      """
      # Heed baseline: known findings that do not fail the build (docs/adoption.md).
      # Regenerate with -XepOpt:Heed:UpdateBaseline=true; delete the line of a finding you fixed.
      # Tab-separated: check, file (relative to -XepOpt:Heed:Root), class, member, occurrence, code
      """;

  private static final String ENTRY_A =
      "DiscardedFuture\tsrc/p/Service.java\tp.Service\trun()\t1\tsend(\"a\")\n";
  private static final String ENTRY_B =
      "DiscardedFuture\tsrc/p/Service.java\tp.Service\trun()\t1\tsend( \"b\" )\n";

  private Path write(String relative, String source) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, source, UTF_8);
    return file;
  }

  private Compilation compile(List<Path> files, String... flags) throws MalformedURLException {
    List<JavaFileObject> sources = new ArrayList<>();
    for (Path file : files) {
      sources.add(JavaFileObjects.forResource(file.toUri().toURL()));
    }
    // As a team that enforces the checks compiles: their findings fail the build.
    List<String> options =
        new ArrayList<>(
            List.of(
                "-XepOpt:Heed:Root=" + dir,
                "-Xep:DiscardedFuture:ERROR",
                "-Xep:DiscardedMustUse:ERROR"));
    options.addAll(List.of(flags));
    return Heed.compile(sources, options);
  }

  private Path baseline() {
    return dir.resolve("heed-baseline.txt");
  }

  private static List<String> messages(Compilation c, Diagnostic.Kind kind) {
    return c.diagnostics().stream()
        .filter(d -> d.getKind() == kind)
        .map(d -> kind == Diagnostic.Kind.ERROR ? Heed.firstLine(d) : d.getMessage(Locale.ROOT))
        .filter(m -> kind != Diagnostic.Kind.NOTE || m.startsWith("[Heed]"))
        .toList();
  }

  private Compilation recordBaseline(Path service) throws IOException {
    Compilation update =
        compile(
            List.of(service),
            "-XepOpt:Heed:Baseline=" + baseline(),
            "-XepOpt:Heed:UpdateBaseline=true");
    assertEquals(Compilation.Status.SUCCESS, update.status(), update.diagnostics()::toString);
    return update;
  }

  @Test
  void theRatchetFromExistingDropsToABaselineAndBack() throws IOException {
    Path service = write("src/p/Service.java", SERVICE);
    Compilation plain = compile(List.of(service));
    assertEquals(2, Heed.findings(plain).size());
    assertEquals(Compilation.Status.FAILURE, plain.status());

    Compilation update = recordBaseline(service);
    assertEquals(List.of(), messages(update, Diagnostic.Kind.ERROR));
    assertEquals(
        List.of(
            "[Heed] wrote 2 findings of this compilation to " + baseline() + " (2 entries in all)"),
        messages(update, Diagnostic.Kind.NOTE));
    assertEquals(HEADER + ENTRY_B + ENTRY_A, Files.readString(baseline(), UTF_8));

    String flag = "-XepOpt:Heed:Baseline=" + baseline();
    Compilation known = compile(List.of(service), flag);
    assertEquals(Compilation.Status.SUCCESS, known.status(), known.diagnostics()::toString);
    assertEquals(
        List.of("[Heed] 2 known findings from " + baseline() + ", 0 new"),
        messages(known, Diagnostic.Kind.NOTE));

    // Lines inserted above the drops change nothing.
    write(
        "src/p/Service.java", SERVICE.replace("class Service {", "\n\n// moved\nclass Service {"));
    assertEquals(Compilation.Status.SUCCESS, compile(List.of(service), flag).status());

    // A second, identical drop in the same method is new: exactly one error, at it.
    String twice = SERVICE.replace("send(\"a\");", "send(\"a\");\n    send(\"a\");");
    write("src/p/Service.java", twice);
    Compilation added = compile(List.of(service), flag);
    assertEquals(Compilation.Status.FAILURE, added.status());
    assertEquals(
        List.of(new Fixture.Finding(7, "DiscardedFuture")), Heed.findings(added).stream().toList());
    assertEquals(1, added.errors().size(), added.errors()::toString);
    assertEquals(
        List.of("[Heed] 2 known findings from " + baseline() + ", 1 new"),
        messages(added, Diagnostic.Kind.NOTE));

    // Fixing a recorded drop makes its entry stale: one error naming the file, line and entry.
    write("src/p/Service.java", SERVICE.replace("    send(\"a\");\n", ""));
    Compilation fixed = compile(List.of(service), flag);
    assertEquals(Compilation.Status.FAILURE, fixed.status());
    assertEquals(
        List.of(
            "[Heed] -XepOpt:Heed:Baseline="
                + baseline()
                + ":5: stale entry, it matches no finding any more: [DiscardedFuture] send(\"a\")"
                + " in p.Service.run() (src/p/Service.java, occurrence 1). Delete the line, or"
                + " rewrite the file with -XepOpt:Heed:UpdateBaseline=true"),
        messages(fixed, Diagnostic.Kind.ERROR));
    assertEquals(List.of(), Heed.findings(fixed).stream().toList());

    // UpdateBaseline shrinks the file instead.
    recordBaseline(service);
    assertEquals(HEADER + ENTRY_B, Files.readString(baseline(), UTF_8));
  }

  @Test
  void aSharedBaselineKeepsTheEntriesOfFilesOtherCompilationsCompiled() throws IOException {
    Path service = write("a/src/p/Service.java", SERVICE);
    Path other = write("b/src/q/Other.java", SERVICE.replace("package p;", "package q;"));
    String flag = "-XepOpt:Heed:Baseline=" + baseline();
    compile(List.of(service), flag, "-XepOpt:Heed:UpdateBaseline=true");
    compile(List.of(other), flag, "-XepOpt:Heed:UpdateBaseline=true");
    List<String> entries =
        Files.readAllLines(baseline(), UTF_8).stream().filter(l -> !l.startsWith("#")).toList();
    assertEquals(
        List.of(
            "DiscardedFuture\ta/src/p/Service.java\tp.Service\trun()\t1\tsend( \"b\" )",
            "DiscardedFuture\ta/src/p/Service.java\tp.Service\trun()\t1\tsend(\"a\")",
            "DiscardedFuture\tb/src/q/Other.java\tq.Service\trun()\t1\tsend( \"b\" )",
            "DiscardedFuture\tb/src/q/Other.java\tq.Service\trun()\t1\tsend(\"a\")"),
        entries);
    // Each module's compile checks only its own entries: neither sees the other's as stale.
    assertEquals(Compilation.Status.SUCCESS, compile(List.of(service), flag).status());
    assertEquals(Compilation.Status.SUCCESS, compile(List.of(other), flag).status());
    // An entry whose file is gone is stale in every compile that uses the baseline.
    Files.delete(other);
    Compilation gone = compile(List.of(service), flag);
    assertEquals(2, messages(gone, Diagnostic.Kind.ERROR).size(), gone.errors()::toString);
  }

  @Test
  void aMalformedBaselineIsOneErrorNamingTheFlagTheFileAndTheLine() throws IOException {
    Path service = write("src/p/Service.java", SERVICE);
    Files.writeString(baseline(), HEADER + ENTRY_A + "DiscardedFuture\tsrc/p/Service.java\n");
    Compilation c = compile(List.of(service), "-XepOpt:Heed:Baseline=" + baseline());
    assertEquals(
        List.of(
            "[Heed] -XepOpt:Heed:Baseline="
                + baseline()
                + ":5: expected six tab-separated fields (check, file, class, member, occurrence"
                + " >= 1, code), got: DiscardedFuture\tsrc/p/Service.java"),
        messages(c, Diagnostic.Kind.ERROR));
    assertEquals(List.of(), Heed.findings(c).stream().toList());
  }

  @Test
  void anUnknownCheckInTheBaselineIsOneError() throws IOException {
    Path service = write("src/p/Service.java", SERVICE);
    Files.writeString(baseline(), ENTRY_A.replace("DiscardedFuture", "DiscardedFutures"));
    Compilation c = compile(List.of(service), "-XepOpt:Heed:Baseline=" + baseline());
    assertEquals(
        List.of(
            "[Heed] -XepOpt:Heed:Baseline="
                + baseline()
                + ":1: 'DiscardedFutures' is not a Heed check; expected one of CloseBeforeFlush,"
                + " DiscardedFuture, DiscardedMustUse, MustUseCandidate, UnjustifiedDiscard"),
        messages(c, Diagnostic.Kind.ERROR));
  }

  @Test
  void aMissingBaselineIsOneErrorSayingHowToWriteIt() throws IOException {
    Path service = write("src/p/Service.java", SERVICE);
    Compilation c = compile(List.of(service), "-XepOpt:Heed:Baseline=" + baseline());
    assertEquals(
        List.of(
            "[Heed] -XepOpt:Heed:Baseline="
                + baseline()
                + ": no such file; write it with -XepOpt:Heed:UpdateBaseline=true"),
        messages(c, Diagnostic.Kind.ERROR));
  }

  @Test
  void updateBaselineWithoutABaselineAndABadRootAreErrorsNamingTheFlag() throws IOException {
    Path service = write("src/p/Service.java", SERVICE);
    assertEquals(
        List.of(
            "[Heed] -XepOpt:Heed:UpdateBaseline=true needs -XepOpt:Heed:Baseline=<file>, the"
                + " baseline to write"),
        messages(compile(List.of(service), "-XepOpt:Heed:UpdateBaseline"), Diagnostic.Kind.ERROR));
    Compilation c =
        Heed.compile(
            List.of(JavaFileObjects.forResource(service.toUri().toURL())),
            List.of("-XepOpt:Heed:Root=" + dir.resolve("missing")));
    assertEquals(
        List.of("[Heed] -XepOpt:Heed:Root=" + dir.resolve("missing") + ": not a directory"),
        messages(c, Diagnostic.Kind.ERROR));
  }

  @Test
  void entriesNameTheEnclosingMemberSoTheSameCallElsewhereIsNew() throws IOException {
    String two =
        """
        package p;
        import java.util.concurrent.CompletableFuture;
        class Two {
          static CompletableFuture<Void> send(String m) { return null; }
          final Object field = send("f");
          Two(int x) { send("a"); }
          void run(String[] s, java.util.List<String> l) { send("a"); }
          class Inner { { send("a"); } }
        }
        """;
    Path file = write("src/p/Two.java", two);
    compile(
        List.of(file),
        "-XepOpt:Heed:Baseline=" + baseline(),
        "-XepOpt:Heed:UpdateBaseline=true",
        "-XepOpt:Heed:UnreadLocals=true");
    List<String> entries =
        Files.readAllLines(baseline(), UTF_8).stream().filter(l -> !l.startsWith("#")).toList();
    assertEquals(
        List.of(
            "DiscardedFuture\tsrc/p/Two.java\tp.Two\t<init>(int)\t1\tsend(\"a\")",
            "DiscardedFuture\tsrc/p/Two.java\tp.Two\trun(java.lang.String[],java.util.List)\t1"
                + "\tsend(\"a\")",
            "DiscardedFuture\tsrc/p/Two.java\tp.Two$Inner\t{}\t1\tsend(\"a\")"),
        entries);
  }
}
