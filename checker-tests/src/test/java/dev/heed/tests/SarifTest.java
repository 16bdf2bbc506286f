package dev.heed.tests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -XepOpt:Heed:Sarif}: a SARIF 2.1.0 log that matches the compile's findings. */
class SarifTest {
  @TempDir Path dir;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SHUTDOWN =
      """
      package p;
      import dev.heed.annotations.AllowDiscard;
      import dev.heed.annotations.MustUse;
      import java.util.concurrent.CompletableFuture;
      class Shutdown {
        @MustUse("buffered bytes are lost") static int flush() { return 0; }
        static CompletableFuture<Void> send(String m) { return null; }
        void run() {
            send("a");
          flush();
        }
        @AllowDiscard(reason = "") void nothing() {}
      }
      """;

  private static final String OTHER =
      """
      package q;
      class Other {
        void run() { java.util.concurrent.CompletableFuture.runAsync(() -> {}); }
      }
      """;

  private Path write(String relative, String source) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, source, UTF_8);
    return file;
  }

  private Compilation compile(Path file, Path sarif) throws IOException {
    List<JavaFileObject> sources = List.of(JavaFileObjects.forResource(file.toUri().toURL()));
    return Heed.compile(
        sources, List.of("-XepOpt:Heed:Root=" + dir, "-XepOpt:Heed:Sarif=" + sarif));
  }

  /** Each finding as "uri:line:column: [Check] message" from the compile's diagnostics. */
  private List<String> diagnostics(Compilation compilation) {
    List<String> out = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : Heed.heedDiagnostics(compilation)) {
      String uri = dir.relativize(Path.of(d.getSource().toUri())).toString();
      out.add(uri + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": " + Heed.firstLine(d));
    }
    return out.stream().sorted().toList();
  }

  /** The same from the SARIF log's results. */
  private static List<String> results(JsonNode log) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : log.path("runs").get(0).path("results")) {
      JsonNode location = r.path("locations").get(0).path("physicalLocation");
      assertEquals("ROOT", location.path("artifactLocation").path("uriBaseId").asText());
      out.add(
          location.path("artifactLocation").path("uri").asText()
              + ":"
              + location.path("region").path("startLine").asLong()
              + ":"
              + location.path("region").path("startColumn").asLong()
              + ": ["
              + r.path("ruleId").asText()
              + "] "
              + r.path("message").path("text").asText());
    }
    return out.stream().sorted().toList();
  }

  @Test
  void everyFindingIsAResultAtItsLineAndColumnAndTheLogIsValidSarif() throws IOException {
    Path sarif = dir.resolve("target/heed.sarif");
    Compilation c = compile(write("src/p/Shutdown.java", SHUTDOWN), sarif);
    assertEquals(3, Heed.findings(c).size(), c.diagnostics()::toString);
    String text = Files.readString(sarif, UTF_8);
    assertEquals(List.of(), SarifSchema.problems(text));
    JsonNode log = JSON.readTree(text);
    assertEquals(diagnostics(c), results(log));
    assertEquals("2.1.0", log.path("version").asText());
    assertEquals(
        dir.toUri().toString(),
        log.path("runs").get(0).path("originalUriBaseIds").path("ROOT").path("uri").asText());

    JsonNode rules = log.path("runs").get(0).path("tool").path("driver").path("rules");
    List<String> ids = new ArrayList<>();
    for (JsonNode rule : rules) {
      String id = rule.path("id").asText();
      ids.add(id);
      assertFalse(rule.path("shortDescription").path("text").asText().isBlank(), id);
      assertTrue(
          rule.path("fullDescription")
              .path("text")
              .asText()
              .matches("(?s)Default severity: (ERROR|WARNING)\\..*"),
          id);
      assertTrue(rule.path("help").path("markdown").asText().startsWith("# " + id + "\n"), id);
      assertTrue(
          rule.path("helpUri").asText().endsWith(".jar!/META-INF/heed/docs/" + id + ".md"), id);
    }
    assertEquals(
        List.copyOf(Heed.CHECKS).stream().sorted().toList(), ids.stream().sorted().toList());
    for (JsonNode result : log.path("runs").get(0).path("results")) {
      assertEquals(result.path("ruleId").asText(), ids.get(result.path("ruleIndex").asInt()));
      // The two checks under 90% wanted on the held-out half ship as warnings.
      String check = result.path("ruleId").asText();
      assertEquals(
          Set.of("DiscardedFuture", "DiscardedMustUse").contains(check) ? "warning" : "error",
          result.path("level").asText(),
          check);
    }
  }

  @Test
  void aSecondCompilationAddsItsFilesAndARecompiledFileReplacesItsResults() throws IOException {
    Path sarif = dir.resolve("heed.sarif");
    Path shutdown = write("src/p/Shutdown.java", SHUTDOWN);
    Compilation first = compile(shutdown, sarif);
    Compilation second = compile(write("other/q/Other.java", OTHER), sarif);
    String text = Files.readString(sarif, UTF_8);
    assertEquals(List.of(), SarifSchema.problems(text));
    List<String> both = new ArrayList<>(diagnostics(first));
    both.addAll(diagnostics(second));
    assertEquals(both.stream().sorted().toList(), results(JSON.readTree(text)));

    write("src/p/Shutdown.java", SHUTDOWN.replace("    send(\"a\");\n", ""));
    Compilation fixed = compile(shutdown, sarif);
    List<String> now = new ArrayList<>(diagnostics(fixed));
    now.addAll(diagnostics(second));
    assertEquals(2, diagnostics(fixed).size());
    assertEquals(now.stream().sorted().toList(), results(JSON.readTree(Files.readString(sarif))));
  }

  @Test
  void aFileThatIsNotHeedsLogIsOneErrorNamingTheFlag() throws IOException {
    Path sarif = dir.resolve("heed.sarif");
    Files.writeString(sarif, "{\"version\": \"2.1.0\"}\n");
    Compilation c = compile(write("other/q/Other.java", OTHER), sarif);
    List<String> errors =
        c.errors().stream().map(Heed::firstLine).filter(m -> m.startsWith("[Heed]")).toList();
    assertEquals(
        List.of(
            "[Heed] -XepOpt:Heed:Sarif="
                + sarif
                + ": cannot write it (it is not a SARIF log written by Heed; delete it or choose"
                + " another)"),
        errors);
  }

  @Test
  void theValidatorRejectsInvalidLogs() throws IOException {
    Path sarif = dir.resolve("heed.sarif");
    compile(write("src/p/Shutdown.java", SHUTDOWN), sarif);
    JsonNode valid = JSON.readTree(Files.readString(sarif, UTF_8));
    assertEquals(List.of(), SarifSchema.problems(valid.toString()));

    ObjectNode noVersion = valid.deepCopy();
    noVersion.remove("version");
    assertFalse(SarifSchema.problems(noVersion.toString()).isEmpty());

    ObjectNode badLevel = valid.deepCopy();
    ((ObjectNode) badLevel.path("runs").get(0).path("results").get(0)).put("level", "fatal");
    assertFalse(SarifSchema.problems(badLevel.toString()).isEmpty());

    ObjectNode lineZero = valid.deepCopy();
    ((ObjectNode)
            lineZero
                .path("runs")
                .get(0)
                .path("results")
                .get(0)
                .path("locations")
                .get(0)
                .path("physicalLocation")
                .path("region"))
        .put("startLine", 0);
    assertFalse(SarifSchema.problems(lineZero.toString()).isEmpty());

    ObjectNode misspelt = valid.deepCopy();
    ((ObjectNode) misspelt.path("runs").get(0)).put("result", "[]");
    assertFalse(SarifSchema.problems(misspelt.toString()).isEmpty());

    ObjectNode badUri = valid.deepCopy();
    ((ObjectNode) badUri.path("runs").get(0).path("tool").path("driver").path("rules").get(0))
        .put("helpUri", "not a uri");
    assertFalse(SarifSchema.problems(badUri.toString()).isEmpty());
  }
}
