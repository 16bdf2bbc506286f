package dev.heed.checker.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The supported range, and that the build and CI really test both of its ends. */
class SupportedErrorProneTest {
  @Test
  void theRangeIsFromTheOldestToTheEndOfTheMajorVersion() {
    assertEquals(Optional.empty(), SupportedErrorProne.problem(SupportedErrorProne.OLDEST));
    assertEquals(Optional.empty(), SupportedErrorProne.problem("2.52.0"));
    assertEquals(Optional.empty(), SupportedErrorProne.problem("2.60.1"));
    assertEquals(Optional.empty(), SupportedErrorProne.problem("HEAD-SNAPSHOT"));
    assertEquals(Optional.empty(), SupportedErrorProne.problem(null));
    assertTrue(SupportedErrorProne.problem("2.35.1").isPresent());
    assertTrue(SupportedErrorProne.problem("2.9.0").isPresent());
    assertTrue(SupportedErrorProne.problem("3.0.0").isPresent());
  }

  @Test
  void theNewestTestedIsTheBuildsErrorProneAndCiRunsTheTestsOnTheOldest() throws IOException {
    String pom = Files.readString(Path.of("../pom.xml"), UTF_8);
    assertTrue(
        pom.contains("<errorprone.version>" + SupportedErrorProne.NEWEST_TESTED + "</"),
        "pom.xml's errorprone.version is not " + SupportedErrorProne.NEWEST_TESTED);
    String ci = Files.readString(Path.of("../.ci/run"), UTF_8);
    assertTrue(
        ci.contains("-Derrorprone.version=" + SupportedErrorProne.OLDEST),
        ".ci/run does not run the tests on Error Prone " + SupportedErrorProne.OLDEST);
  }

  @Test
  void theVersionRunningHereIsKnownAndSupported() {
    String running = SupportedErrorProne.runningVersion();
    assertTrue(running != null && running.startsWith("2."), String.valueOf(running));
    assertEquals(Optional.empty(), SupportedErrorProne.problem(running));
  }
}
