package dev.heed.checker;

import static com.google.errorprone.BugPattern.LinkType.NONE;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.common.base.CharMatcher;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.heed.checker.config.ConfigProblems;
import dev.heed.checker.config.HeedOptions;
import dev.heed.checker.exceptions.FindingSource;
import dev.heed.checker.exceptions.ReviewedExceptions;
import dev.heed.checker.obligation.Obligation;
import dev.heed.checker.obligation.Obligations;
import dev.heed.checker.report.Reporter;
import dev.heed.checker.trees.Names;
import java.util.Optional;
import javax.inject.Inject;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * For library authors: a public or protected method whose result carries an obligation only its
 * body shows (a wrapper of a short write, a refused offer) is must-use for callers in this
 * compilation, but not for callers of the published jar. Suggests {@code @MustUse} with the
 * origin's words. Also reports a {@code @MustUse} on a {@code void} method, where it means nothing.
 * Unlike Clippy's {@code must_use_candidate}, which flags every pure function, it suggests only
 * where a result reports unfinished work.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A public method passes on a must-use result without saying so, or a @MustUse means"
            + " nothing",
    severity = WARNING,
    linkType = NONE, // HeedCheck links each finding to its page
    suppressionAnnotations = {})
public final class MustUseCandidate extends BugChecker implements MethodTreeMatcher {
  private static final HeedCheck CHECK = HeedCheck.MUST_USE_CANDIDATE;
  private static final String MUST_USE = "dev.heed.annotations.MustUse";

  private final Obligations obligations;
  private final HeedOptions options;
  private final ConfigProblems problems;
  private final Reporter reporter;

  /** Required by {@code ServiceLoader}; Error Prone constructs checks through the injector. */
  public MustUseCandidate() {
    this(Engine.defaults());
  }

  private MustUseCandidate(Engine engine) {
    this(engine.obligations(), HeedOptions.defaults(), engine.problems(), engine.reporter());
  }

  /** Called by Error Prone's injector with the compilation's shared engine. */
  @Inject
  public MustUseCandidate(
      Obligations obligations, HeedOptions options, ConfigProblems problems, Reporter reporter) {
    this.obligations = obligations;
    this.options = options;
    this.problems = problems;
    this.reporter = reporter;
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    if (!problems.none(state)) {
      return Description.NO_MATCH;
    }
    reporter.seen(state);
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    AnnotationTree mustUse = mustUse(tree);
    if (mustUse != null) {
      if (method.getReturnType().getKind() == TypeKind.VOID && !method.isConstructor()) {
        report(
            new TreePath(state.getPath(), mustUse),
            "@MustUse on a void method means nothing: there is no result to use. Remove it, or"
                + " return what the caller must check (a count, a Poll, a future).",
            SuggestedFix.delete(mustUse),
            state);
      }
      return Description.NO_MATCH;
    }
    candidate(obligations, state.getPath(), method, state)
        .ifPresent(
            origin ->
                report(
                    state.getPath(),
                    Names.describe(method)
                        + " returns the "
                        + origin.valueType()
                        + " of "
                        + origin.method()
                        + ", which callers must use ("
                        + origin.consequence()
                        + "). Callers in this compilation are told; callers of the published"
                        + " code are not. Mark it @MustUse(\"...\") so that they are too.",
                    SuggestedFix.builder()
                        .prefixWith(tree, "@MustUse(\"" + quoted(origin.consequence()) + "\")\n")
                        .addImport(MUST_USE)
                        .build(),
                    state));
    return Description.NO_MATCH;
  }

  /**
   * The origin a published, unannotated wrapper passes on: a public or protected method of a class
   * that code outside its package can name (it and every class around it public or protected). Only
   * such callers are outside the compilation; the others are told already. An override is no
   * candidate: its callers mostly call the method it overrides, so the annotation belongs there.
   * The supertypes are searched last: few methods pass anything on, and the search is costly.
   */
  private static Optional<Obligation> candidate(
      Obligations obligations, TreePath declaration, MethodSymbol method, VisitorState state) {
    if (!isPublished(method) || method.getReturnType().getKind() == TypeKind.VOID) {
      return Optional.empty();
    }
    return obligations
        .passedOn(declaration, state)
        .filter(unused -> ASTHelpers.findSuperMethods(method, state.getTypes()).isEmpty());
  }

  private static boolean isPublished(MethodSymbol method) {
    for (Symbol symbol = method;
        symbol instanceof MethodSymbol || symbol instanceof ClassSymbol; ) {
      if ((symbol.flags() & (Flags.PUBLIC | Flags.PROTECTED)) == 0) {
        return false;
      }
      symbol = symbol.owner;
    }
    return true;
  }

  private @Nullable AnnotationTree mustUse(MethodTree tree) {
    for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
      String name = ReviewedExceptions.simpleName(annotation);
      if (options.mustUseAnnotations().contains(name)) {
        return annotation;
      }
    }
    return null;
  }

  private void report(TreePath at, String message, SuggestedFix fix, VisitorState state) {
    if (ReviewedExceptions.allow(at)) {
      return; // asked only here: walking every method's enclosing declarations costs
    }
    reporter.report(
        CHECK.checkName(),
        at,
        CHECK.linked(buildDescription(at.getLeaf())).setMessage(message).addFix(fix).build(),
        state);
  }

  private static String quoted(String text) {
    return CharMatcher.anyOf("\"\\").replaceFrom(text, "'");
  }

  /** Every candidate in a unit, for the index of what exceptions excuse. */
  static FindingSource findingSource(Obligations obligations) {
    return (unit, state, found) ->
        new TreePathScanner<Void, Void>() {
          @Override
          public Void visitMethod(MethodTree tree, Void unused) {
            MethodSymbol method = ASTHelpers.getSymbol(tree);
            if (method != null
                && candidate(obligations, getCurrentPath(), method, state).isPresent()) {
              found.accept(getCurrentPath(), CHECK.checkName());
            }
            return super.visitMethod(tree, null);
          }
        }.scan(unit, null);
  }
}
