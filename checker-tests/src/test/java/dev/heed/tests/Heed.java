package dev.heed.tests;

import static com.google.common.collect.ImmutableList.toImmutableList;
import static com.google.common.collect.ImmutableMultiset.toImmutableMultiset;

import com.google.common.base.Splitter;
import com.google.common.base.StandardSystemProperty;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMultiset;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles sources the way users run Heed: {@code javac -Xplugin:ErrorProne}, with heed-checker
 * found by {@code ServiceLoader} on the processor path. The checker jar is never on this JVM's
 * class path, so a test passes only if javac really loads the plugin.
 */
final class Heed {
  /** Heed's checks, the only diagnostics these tests attribute to Heed. */
  static final Set<String> CHECKS =
      Set.of(
          "DiscardedFuture",
          "DiscardedMustUse",
          "CloseBeforeFlush",
          "UnjustifiedDiscard",
          "MustUseCandidate");

  private static final Pattern CHECK_NAME = Pattern.compile("^\\[([A-Za-z]+)\\] ");

  private Heed() {}

  /** The checker jar given by the build, or an explicit failure if it is missing. */
  static String checkerJar() {
    String jar = System.getProperty("heed.checker.jar", "");
    if (jar.isEmpty() || !new File(jar).exists()) {
      throw new IllegalStateException(
          "heed.checker.jar must name the heed-checker jar (set by the build), got '" + jar + "'");
    }
    return jar;
  }

  /**
   * Compiles {@code sources} with Error Prone, only Heed's checks enabled at their default
   * severity, and {@code options} added (for example {@code -XepOpt:Heed:UnreadLocals=false}).
   */
  static Compilation compile(List<JavaFileObject> sources, List<String> options) {
    List<String> errorProne = new ArrayList<>();
    errorProne.add("-Xplugin:ErrorProne");
    errorProne.add("-XepDisableAllChecks");
    errorProne.add("-Xep:DiscardedFuture");
    errorProne.add("-Xep:DiscardedMustUse");
    errorProne.add("-Xep:UnjustifiedDiscard");
    errorProne.add("-Xep:CloseBeforeFlush");
    errorProne.add("-Xep:MustUseCandidate");
    List<String> javac = new ArrayList<>();
    for (String option : options) {
      if (option.startsWith("-Xep")) {
        errorProne.add(option);
      } else {
        javac.add(option);
      }
    }
    String processorPath =
        checkerJar() + File.pathSeparator + StandardSystemProperty.JAVA_CLASS_PATH.value();
    ImmutableList<String> all =
        ImmutableList.<String>builder()
            .add("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW")
            .add("-processorpath", processorPath)
            .add(String.join(" ", errorProne))
            .addAll(javac)
            .build();
    return Compiler.javac().withOptions(all).compile(sources);
  }

  static Compilation compile(Fixture fixture) {
    return compile(
        List.of(JavaFileObjects.forSourceString(fixture.className(), fixture.source())),
        fixture.options());
  }

  /** Heed's findings in a compilation, as (line, check) pairs. */
  static ImmutableMultiset<Fixture.Finding> findings(Compilation compilation) {
    return heedDiagnostics(compilation).stream()
        .map(d -> new Fixture.Finding(d.getLineNumber(), checkName(d)))
        .collect(toImmutableMultiset());
  }

  static ImmutableList<Diagnostic<? extends JavaFileObject>> heedDiagnostics(
      Compilation compilation) {
    return compilation.diagnostics().stream()
        .filter(d -> CHECKS.contains(checkName(d)))
        .collect(toImmutableList());
  }

  /** Errors and warnings that are not Heed findings: compile errors, crashes, bad flags. */
  static ImmutableList<String> otherProblems(Compilation compilation) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING)
        .filter(d -> !CHECKS.contains(checkName(d)))
        .map(d -> d.getKind() + " at line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
        .collect(toImmutableList());
  }

  /** The check name a diagnostic starts with ({@code [DiscardedFuture] ...}), or "". */
  static String checkName(Diagnostic<?> diagnostic) {
    Matcher m = CHECK_NAME.matcher(diagnostic.getMessage(Locale.ROOT));
    return m.find() ? m.group(1) : "";
  }

  /** The first line of a diagnostic's message, without the trailing "(see ...)" link. */
  static String firstLine(Diagnostic<?> diagnostic) {
    return Splitter.on('\n').split(diagnostic.getMessage(Locale.ROOT)).iterator().next();
  }
}
