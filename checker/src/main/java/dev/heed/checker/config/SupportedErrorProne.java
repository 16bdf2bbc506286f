package dev.heed.checker.config;

import com.google.common.base.Splitter;
import com.google.errorprone.ErrorProneFlags;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The Error Prone versions Heed runs on. An Error Prone outside them is one {@code [Heed]} error
 * naming both versions (reported through {@link ConfigProblems}, with the checks silent), instead
 * of a {@code NoSuchMethodError} deep inside a check. The oldest version is proven in CI by running
 * the checker-tests against it ({@code .ci/run}); the newest tested is the build's {@code
 * errorprone.version}.
 */
public final class SupportedErrorProne {
  /** The oldest Error Prone that Heed compiles with and passes its tests on. */
  public static final String OLDEST = "2.36.0";

  /** The newest Error Prone the tests ran on; newer 2.x releases are accepted. */
  public static final String NEWEST_TESTED = "2.52.0";

  /** Error Prone's major version that Heed is written against. */
  private static final int MAJOR = 2;

  private static final String POM_PROPERTIES =
      "META-INF/maven/com.google.errorprone/error_prone_check_api/pom.properties";

  private SupportedErrorProne() {}

  /** The problem with the Error Prone this compile runs on, if any. */
  static Optional<String> problem() {
    return problem(runningVersion());
  }

  /**
   * The problem with Error Prone {@code version} (as in its jar's {@code pom.properties}), if any.
   * An unknown version (a repackaged Error Prone without Maven metadata) is accepted.
   */
  public static Optional<String> problem(@Nullable String version) {
    if (version == null) {
      return Optional.empty();
    }
    int[] running = parse(version);
    if (running == null) {
      return Optional.empty(); // HEAD-SNAPSHOT and the like: a developer's build of Error Prone
    }
    if (compare(running, parse(OLDEST)) >= 0 && running[0] == MAJOR) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            "this compile runs Error Prone %s, but Heed supports Error Prone %s to %d.x (tested"
                + " with %s to %s): put error_prone_core %s or newer on the annotation processor"
                + " path (docs/adoption.md#error-prone-versions)",
            version, OLDEST, MAJOR, OLDEST, NEWEST_TESTED, OLDEST));
  }

  /** The version in the Error Prone jar's Maven metadata, or null when it has none. */
  static @Nullable String runningVersion() {
    ClassLoader loader = ErrorProneFlags.class.getClassLoader();
    URL resource =
        loader == null
            ? ClassLoader.getSystemResource(POM_PROPERTIES)
            : loader.getResource(POM_PROPERTIES);
    if (resource == null) {
      return null;
    }
    Properties properties = new Properties();
    try (InputStream in = resource.openStream()) {
      properties.load(in);
    } catch (IOException e) {
      return null; // unreadable metadata: as if there were none
    }
    return properties.getProperty("version");
  }

  /** {@code major.minor.patch} as three numbers, or null for any other shape. */
  private static int @Nullable [] parse(String version) {
    List<String> parts = Splitter.on('.').splitToList(version.trim());
    if (parts.size() != 3) {
      return null;
    }
    int[] numbers = new int[3];
    for (int i = 0; i < 3; i++) {
      try {
        numbers[i] = Integer.parseInt(parts.get(i));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return numbers;
  }

  private static int compare(int[] a, int @Nullable [] b) {
    for (int i = 0; i < 3; i++) {
      int c = Integer.compare(a[i], b == null ? 0 : b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
