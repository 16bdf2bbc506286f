package dev.heed.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMultiset;
import com.google.common.collect.Multisets;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiles every fixture under {@code src/test/resources/fixtures} through the real plugin path and
 * checks that Heed reports exactly the expected check on exactly the expected lines, and nothing
 * anywhere else.
 */
class FixturesTest {
  private static final JavaFileObject PROBE =
      JavaFileObjects.forSourceString(
          "Probe",
          "class Probe { void f() { java.util.concurrent.CompletableFuture.runAsync(() -> {}); }"
              + " }");

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException, URISyntaxException {
    Path root = Path.of(FixturesTest.class.getResource("/fixtures").toURI());
    ImmutableList<String> resources;
    try (Stream<Path> walk = Files.walk(root)) {
      resources =
          walk.filter(p -> p.toString().endsWith(".java"))
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .collect(ImmutableList.toImmutableList());
    }
    assertFalse(resources.isEmpty(), "no fixtures found under " + root);
    return resources.stream().map(r -> DynamicTest.dynamicTest(r, () -> check(Fixture.load(r))));
  }

  private static void check(Fixture fixture) {
    Compilation compilation = Heed.compile(fixture);
    ImmutableList<String> others = Heed.otherProblems(compilation);
    if (fixture.expectsCompileErrors()) {
      // Error Prone does not start on a source with javac errors: prove that Heed is loaded with
      // these options, so that this test too fails without the plugin on the processor path.
      assertEquals(
          List.of(new Fixture.Finding(1, "DiscardedFuture")),
          Heed.findings(Heed.compile(List.of(PROBE), fixture.options())).stream().toList(),
          "Heed did not run on the probe with " + fixture.options());
      assertFalse(
          others.isEmpty(), fixture.resource() + " is marked as not compiling, but it compiled");
      assertTrue(
          others.stream().noneMatch(m -> m.contains("unhandled exception")),
          () -> fixture.resource() + ": Error Prone crashed:\n" + String.join("\n", others));
    } else {
      assertTrue(
          others.isEmpty(),
          () -> fixture.resource() + ": unexpected diagnostics:\n" + String.join("\n", others));
    }
    ImmutableMultiset<Fixture.Finding> actual = Heed.findings(compilation);
    assertEquals(
        describe(fixture.expected()),
        describe(actual),
        () ->
            fixture.resource()
                + "\nmissing: "
                + Multisets.difference(fixture.expected(), actual)
                + "\nunexpected: "
                + Multisets.difference(actual, fixture.expected())
                + "\nall diagnostics:\n"
                + String.join(
                    "\n",
                    Heed.heedDiagnostics(compilation).stream()
                        .map(d -> d.getLineNumber() + ": " + Heed.firstLine(d))
                        .toList()));
    checkFragments(fixture, compilation);
  }

  /** Each expected fragment is in the message of a finding of that check on that line. */
  private static void checkFragments(Fixture fixture, Compilation compilation) {
    for (var expected : fixture.fragments().entries()) {
      Fixture.Finding finding = expected.getKey();
      List<String> messages =
          Heed.heedDiagnostics(compilation).stream()
              .filter(d -> d.getLineNumber() == finding.line())
              .filter(d -> Heed.checkName(d).equals(finding.check()))
              .map(Heed::firstLine)
              .toList();
      assertTrue(
          messages.stream().anyMatch(m -> m.contains(expected.getValue())),
          () ->
              fixture.resource()
                  + ": "
                  + finding
                  + " should say \""
                  + expected.getValue()
                  + "\", but says:\n"
                  + String.join("\n", messages));
    }
  }

  private static String describe(ImmutableMultiset<Fixture.Finding> findings) {
    return String.join(
        "\n",
        findings.stream()
            .sorted(
                (a, b) ->
                    a.line() != b.line()
                        ? Long.compare(a.line(), b.line())
                        : a.check().compareTo(b.check()))
            .map(Fixture.Finding::toString)
            .toList());
  }
}
