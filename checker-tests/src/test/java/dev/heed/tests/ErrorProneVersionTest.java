package dev.heed.tests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Error Prone outside the supported range is one {@code [Heed]} error, not a crash. Heed reads
 * the version from the Error Prone jar's Maven metadata as javac's processor path finds it; these
 * tests run a real {@code javac} process with metadata that claims another version first on that
 * path (in this JVM, Error Prone comes from the test class path, which would always win).
 */
class ErrorProneVersionTest {
  @TempDir Path dir;

  private record Result(int exitCode, List<String> errors, String output) {}

  private Result compileClaiming(String version) throws IOException, InterruptedException {
    Path claim = dir.resolve("claim");
    Path properties =
        claim.resolve("META-INF/maven/com.google.errorprone/error_prone_check_api/pom.properties");
    Files.createDirectories(properties.getParent());
    Files.writeString(
        properties,
        "artifactId=error_prone_check_api\ngroupId=com.google.errorprone\nversion="
            + version
            + "\n",
        UTF_8);
    Path source = dir.resolve("Drop.java");
    Files.writeString(
        source,
        """
        class Drop {
          void f() { java.util.concurrent.CompletableFuture.runAsync(() -> {}); }
        }
        """,
        UTF_8);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
    for (String export : EXPORTS) {
      command.add("-J" + export);
    }
    command.addAll(
        List.of(
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "-d",
            dir.resolve("classes").toString(),
            "-processorpath",
            claim
                + File.pathSeparator
                + Heed.checkerJar()
                + File.pathSeparator
                + System.getProperty("java.class.path"),
            "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:DiscardedFuture:ERROR",
            source.toString()));
    Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(javac.getInputStream().readAllBytes(), UTF_8);
    int exit = javac.waitFor();
    List<String> errors =
        output.lines().filter(l -> l.contains("error:")).map(String::strip).toList();
    return new Result(exit, errors, output);
  }

  /** What the javac process needs to host Error Prone (as in the build's heed.jvm.exports). */
  private static final List<String> EXPORTS =
      List.of(
          "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.main=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.model=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.processing=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
          "--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED",
          "--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED");

  @Test
  void anOlderErrorProneIsOneErrorNamingTheSupportedRange() throws Exception {
    Result r = compileClaiming("2.30.0");
    assertEquals(1, r.exitCode(), r.output());
    assertEquals(
        List.of(
            "error: [Heed] this compile runs Error Prone 2.30.0, but Heed supports Error Prone"
                + " 2.36.0 to 2.x (tested with 2.36.0 to 2.52.0): put error_prone_core 2.36.0 or"
                + " newer on the annotation processor path"
                + " (docs/adoption.md#error-prone-versions)"),
        r.errors(),
        r.output());
    assertFalse(r.output().contains("Exception"), r.output());
  }

  @Test
  void aNextMajorVersionIsOneError() throws Exception {
    Result r = compileClaiming("3.0.0");
    assertEquals(1, r.errors().size(), r.output());
    assertTrue(
        r.errors().get(0).startsWith("error: [Heed] this compile runs Error Prone 3.0.0, but Heed"),
        r.output());
  }

  @Test
  void theOldestAndNewerReleasesAndADevelopmentBuildAreAccepted() throws Exception {
    for (String version : List.of("2.36.0", "2.99.1", "HEAD-SNAPSHOT")) {
      Result r = compileClaiming(version);
      assertEquals(1, r.errors().size(), r.output());
      assertTrue(r.errors().get(0).contains("[DiscardedFuture]"), r.output());
    }
  }
}
