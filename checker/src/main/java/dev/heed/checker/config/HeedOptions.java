package dev.heed.checker.config;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static java.util.stream.Collectors.joining;

import com.google.common.base.Ascii;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.ErrorProneFlags;
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

  private static final ImmutableSet<String> KNOWN =
      ImmutableSet.of(MUST_USE_ANNOTATIONS, ASYNC_TYPES, UNREAD_LOCALS, MODELS, EXCEPTIONS_REPORT);

  private final ImmutableSet<String> mustUseAnnotations;
  private final ImmutableList<String> asyncTypes;
  private final boolean unreadLocals;
  private final ImmutableList<String> modelFiles;
  private final Optional<String> exceptionsReport;
  private final ImmutableList<String> problems;

  /** Called by Error Prone's injector, once per compilation. */
  public HeedOptions(ErrorProneFlags flags) {
    List<String> errors = new ArrayList<>();
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
