package dev.heed.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMultiset;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Heed's flags (docs/architecture.md, "Configuration"), each with and without, and bad values. */
class FlagsTest {

  private static final String DEFERRED_SOURCE =
      """
      package com.example;
      public class Deferred<T> {
        public static final class Task {}
        @interface Important {}
        @interface CheckReturnValue {}
        public static Deferred<String> start() { return new Deferred<>(); }
        public static Task task() { return new Task(); }
        @Important public static int important() { return 1; }
        @CheckReturnValue public static int checked() { return 1; }
        static void use() {
          start(); // at: start
          task(); // at: task
          important(); // at: important
          checked(); // at: checked
        }
      }
      """;

  private static final JavaFileObject DEFERRED =
      JavaFileObjects.forSourceString("com.example.Deferred", DEFERRED_SOURCE);

  private static Fixture.Finding at(String marker, String check) {
    return new Fixture.Finding(Fixture.lineOf(DEFERRED_SOURCE, marker), check);
  }

  private static ImmutableMultiset<Fixture.Finding> findings(String... options) {
    Compilation compilation = Heed.compile(List.of(DEFERRED), List.of(options));
    assertEquals(List.of(), Heed.otherProblems(compilation));
    return Heed.findings(compilation);
  }

  @Test
  void withoutFlagsTheProjectTypesAreNotMustUse() {
    assertEquals(ImmutableMultiset.of(), findings());
  }

  @Test
  void asyncTypesAddsTypesByQualifiedName() {
    assertEquals(
        ImmutableMultiset.of(at("start", "DiscardedFuture"), at("task", "DiscardedFuture")),
        findings("-XepOpt:Heed:AsyncTypes=com.example.Deferred,com.example.Deferred.Task"));
  }

  @Test
  void mustUseAnnotationsAddsSimpleAndQualifiedNames() {
    assertEquals(
        ImmutableMultiset.of(
            at("important", "DiscardedMustUse"), at("checked", "DiscardedMustUse")),
        findings(
            "-XepOpt:Heed:MustUseAnnotations=com.example.Deferred.Important,CheckReturnValue"));
  }

  @Test
  void aBadBooleanIsOneErrorNamingTheFlag() {
    assertOneFlagError(
        "-XepOpt:Heed:UnreadLocals=maybe",
        "[Heed] -XepOpt:Heed:UnreadLocals=maybe: expected true or false");
  }

  @Test
  void aBadTypeNameIsOneErrorNamingTheFlagAndTheNames() {
    assertOneFlagError(
        "-XepOpt:Heed:AsyncTypes=com.example.,java.util.List,2fast",
        "[Heed] -XepOpt:Heed:AsyncTypes=com.example.,java.util.List,2fast: not a fully qualified"
            + " type name: 'com.example.', '2fast'; expected a comma-separated list such as"
            + " com.example.Deferred,org.acme.Task");
  }

  @Test
  void anUnknownFlagIsOneErrorListingTheKnownOnes() {
    assertOneFlagError(
        "-XepOpt:Heed:UnreadLocal=false",
        "[Heed] -XepOpt:Heed:UnreadLocal=false: Heed has no such flag; its flags are"
            + " Heed:MustUseAnnotations, Heed:AsyncTypes, Heed:UnreadLocals, Heed:Models,"
            + " Heed:ExceptionsReport, Heed:Baseline, Heed:UpdateBaseline, Heed:Sarif, Heed:Root");
  }

  /** The error is reported once per compilation, however many files it has. */
  private static void assertOneFlagError(String flag, String message) {
    JavaFileObject other =
        JavaFileObjects.forSourceString(
            "Other",
            """
            class Other {
              void f() { java.util.concurrent.CompletableFuture.runAsync(() -> {}); }
            }
            """);
    Compilation compilation = Heed.compile(List.of(DEFERRED, other), List.of(flag));
    assertEquals(Compilation.Status.FAILURE, compilation.status());
    List<String> errors =
        compilation.errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
    assertEquals(List.of(message), errors);
    assertTrue(compilation.errors().stream().allMatch(d -> d.getKind() == Diagnostic.Kind.ERROR));
    assertEquals(ImmutableMultiset.of(), Heed.findings(compilation));
  }
}
