package dev.heed.checker.config;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static java.util.stream.Collectors.joining;

import com.google.common.base.Ascii;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.ErrorProneFlags;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.SourceVersion;

/**
 * Heed's {@code -XepOpt:Heed:<Name>=<value>} flags (docs/architecture.md), parsed once per
 * compilation, immutable, and shared by every check. A bad value does not throw (Error Prone would
 * turn that into a crash report): it becomes one of {@link #problems()}, which {@link
 * ConfigProblems} reports once as a plain compiler error naming the flag.
 */
public final class HeedOptions {
  static final String PREFIX = "Heed:";
  static final String MUST_USE_ANNOTATIONS = PREFIX + "MustUseAnnotations";
  static final String ASYNC_TYPES = PREFIX + "AsyncTypes";
  static final String UNREAD_LOCALS = PREFIX + "UnreadLocals";
  public static final String MODELS = PREFIX + "Models";
  public static final String EXCEPTIONS_REPORT = PREFIX + "ExceptionsReport";
  public static final String BASELINE = PREFIX + "Baseline";
  public static final String UPDATE_BASELINE = PREFIX + "UpdateBaseline";
  public static final String SARIF = PREFIX + "Sarif";
  public static final String ROOT = PREFIX + "Root";

  private static final ImmutableSet<String> KNOWN =
      ImmutableSet.of(
          MUST_USE_ANNOTATIONS,
          ASYNC_TYPES,
          UNREAD_LOCALS,
          MODELS,
          EXCEPTIONS_REPORT,
          BASELINE,
          UPDATE_BASELINE,
          SARIF,
          ROOT);

  private final ImmutableSet<String> mustUseAnnotations;
  private final ImmutableList<String> asyncTypes;
  private final boolean unreadLocals;
  private final ImmutableList<String> modelFiles;
  private final Optional<String> exceptionsReport;
  private final Optional<Path> baseline;
  private final boolean updateBaseline;
  private final Optional<Path> sarif;
  private final Path root;
  private final ImmutableList<String> problems;

  /** Called by Error Prone's injector, once per compilation. */
  public HeedOptions(ErrorProneFlags flags) {
    List<String> errors = new ArrayList<>();
    SupportedErrorProne.problem().ifPresent(errors::add);
    for (Map.Entry<String, String> flag : flags.getFlagsMap().entrySet()) {
      if (flag.getKey().startsWith(PREFIX) && !KNOWN.contains(flag.getKey())) {
        errors.add(
            String.format(
                "-XepOpt:%s=%s: Heed has no such flag; its flags are %s",
                flag.getKey(), flag.getValue(), String.join(", ", KNOWN)));
      }
    }
    this.mustUseAnnotations =
        ImmutableSet.<String>builder()
            .add("MustUse")
            .addAll(names(flags, MUST_USE_ANNOTATIONS, "an annotation name", errors))
            .build();
    this.asyncTypes = names(flags, ASYNC_TYPES, "a fully qualified type name", errors);
    this.unreadLocals = bool(flags, UNREAD_LOCALS, true, errors);
    this.modelFiles =
        flags
            .get(MODELS)
            .map(v -> Splitter.on(',').trimResults().omitEmptyStrings().splitToList(v))
            .map(ImmutableList::copyOf)
            .orElse(ImmutableList.of());
    this.exceptionsReport =
        flags.get(EXCEPTIONS_REPORT).map(String::trim).filter(v -> !v.isEmpty());
    this.baseline = file(flags, BASELINE, errors);
    this.updateBaseline = bool(flags, UPDATE_BASELINE, false, errors);
    if (updateBaseline && baseline.isEmpty()) {
      errors.add(
          String.format(
              "-XepOpt:%s=true needs -XepOpt:%s=<file>, the baseline to write",
              UPDATE_BASELINE, BASELINE));
    }
    this.sarif = file(flags, SARIF, errors);
    this.root = root(flags, errors);
    this.problems = ImmutableList.copyOf(errors);
  }

  /** Every flag at its default. */
  public static HeedOptions defaults() {
    return new HeedOptions(ErrorProneFlags.empty());
  }

  /** Annotation names (simple or qualified) that mean {@code @MustUse}. */
  public ImmutableSet<String> mustUseAnnotations() {
    return mustUseAnnotations;
  }

  /** Extra fully qualified names of async result types. */
  public ImmutableList<String> asyncTypes() {
    return asyncTypes;
  }

  /** Whether a local that is assigned a must-use value and never read is a discard (site 5). */
  public boolean unreadLocals() {
    return unreadLocals;
  }

  /** Paths of user model files, read by {@link Models}. */
  public ImmutableList<String> modelFiles() {
    return modelFiles;
  }

  /** Where to append the inventory of reviewed exceptions, if anywhere. */
  public Optional<String> exceptionsReport() {
    return exceptionsReport;
  }

  /** The baseline of known findings ({@code -XepOpt:Heed:Baseline}), if any. */
  public Optional<Path> baseline() {
    return baseline;
  }

  /** Whether to rewrite the baseline from the current findings instead of enforcing it. */
  public boolean updateBaseline() {
    return updateBaseline;
  }

  /** Where to write the SARIF log ({@code -XepOpt:Heed:Sarif}), if anywhere. */
  public Optional<Path> sarif() {
    return sarif;
  }

  /**
   * The directory that baseline entries and SARIF locations are relative to ({@code
   * -XepOpt:Heed:Root}, by default the working directory), absolute and normalized.
   */
  public Path root() {
    return root;
  }

  /** What is wrong with the flags, one message each naming the flag. */
  ImmutableList<String> problems() {
    return problems;
  }

  private static ImmutableList<String> names(
      ErrorProneFlags flags, String flag, String what, List<String> problems) {
    String value = flags.get(flag).orElse(null);
    if (value == null) {
      return ImmutableList.of();
    }
    ImmutableList<String> names =
        Splitter.on(',').trimResults().splitToStream(value).collect(toImmutableList());
    ImmutableList<String> invalid =
        names.stream().filter(name -> !SourceVersion.isName(name)).collect(toImmutableList());
    if (!invalid.isEmpty()) {
      problems.add(
          String.format(
              "-XepOpt:%s=%s: not %s: %s; expected a comma-separated list such as"
                  + " com.example.Deferred,org.acme.Task",
              flag,
              value,
              what,
              invalid.stream().map(name -> "'" + name + "'").collect(joining(", "))));
    }
    return names;
  }

  private static Optional<Path> file(ErrorProneFlags flags, String flag, List<String> problems) {
    String value = flags.get(flag).orElse(null);
    if (value == null) {
      return Optional.empty();
    }
    try {
      if (value.isBlank() || value.trim().equals("true")) { // a bare -XepOpt:Name is "true"
        throw new InvalidPathException(value, "expected a file name");
      }
      Path path = Path.of(value.trim()).toAbsolutePath().normalize();
      if (Files.isDirectory(path)) {
        throw new InvalidPathException(value, "this is a directory, expected a file");
      }
      return Optional.of(path);
    } catch (InvalidPathException e) {
      problems.add(String.format("-XepOpt:%s=%s: %s", flag, value, e.getReason()));
      return Optional.empty();
    }
  }

  private static Path root(ErrorProneFlags flags, List<String> problems) {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    String value = flags.get(ROOT).orElse(null);
    if (value == null) {
      return cwd;
    }
    try {
      Path root = Path.of(value.trim()).toAbsolutePath().normalize();
      if (!Files.isDirectory(root)) {
        problems.add(String.format("-XepOpt:%s=%s: not a directory", ROOT, value));
        return cwd;
      }
      return root;
    } catch (InvalidPathException e) {
      problems.add(String.format("-XepOpt:%s=%s: %s", ROOT, value, e.getReason()));
      return cwd;
    }
  }

  private static boolean bool(
      ErrorProneFlags flags, String flag, boolean defaultValue, List<String> problems) {
    String value = flags.get(flag).orElse(null);
    if (value == null) {
      return defaultValue;
    }
    // Error Prone passes a bare -XepOpt:Name as "true".
    String normalized = Ascii.toLowerCase(value.trim());
    if (normalized.equals("true") || normalized.equals("false")) {
      return normalized.equals("true");
    }
    problems.add(String.format("-XepOpt:%s=%s: expected true or false", flag, value));
    return defaultValue;
  }
}
