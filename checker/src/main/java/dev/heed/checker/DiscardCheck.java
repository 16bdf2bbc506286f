package dev.heed.checker;

import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.AssignmentTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.LambdaExpressionTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MemberReferenceTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.heed.checker.config.ConfigProblems;
import dev.heed.checker.discard.Discards;
import dev.heed.checker.discard.Discards.Discard;
import dev.heed.checker.exceptions.FindingSource;
import dev.heed.checker.exceptions.ReviewedExceptions;
import dev.heed.checker.report.Reporter;
import java.util.Optional;

/**
 * A check that reports the discards of one kind of must-use value, as found by the shared {@link
 * Discards} engine. Subclasses only name themselves through {@code @BugPattern} and say which
 * {@link HeedCheck} they are.
 */
abstract class DiscardCheck extends BugChecker
    implements CompilationUnitTreeMatcher,
        MethodInvocationTreeMatcher,
        NewClassTreeMatcher,
        MemberReferenceTreeMatcher,
        LambdaExpressionTreeMatcher,
        VariableTreeMatcher,
        AssignmentTreeMatcher {

  private final HeedCheck check;
  private final Discards discards;
  private final ConfigProblems problems;
  private final Reporter reporter;

  DiscardCheck(HeedCheck check, Discards discards, ConfigProblems problems, Reporter reporter) {
    this.check = check;
    this.discards = discards;
    this.problems = problems;
    this.reporter = reporter;
  }

  @Override
  public final Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    if (problems.none(state)) { // reports bad flags once per compilation
      reporter.seen(state);
    }
    return Description.NO_MATCH;
  }

  @Override
  public final Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return report(tree, state, Discards::ofCall);
  }

  @Override
  public final Description matchNewClass(NewClassTree tree, VisitorState state) {
    return report(tree, state, Discards::ofCall);
  }

  @Override
  public final Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    return report(tree, state, Discards::ofMethodReference);
  }

  @Override
  public final Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    return report(tree, state, Discards::ofLambda);
  }

  @Override
  public final Description matchVariable(VariableTree tree, VisitorState state) {
    return report(tree, state, Discards::ofVariable);
  }

  @Override
  public final Description matchAssignment(AssignmentTree tree, VisitorState state) {
    return report(tree, state, Discards::ofAssignment);
  }

  /**
   * Reports the drop {@code finder} sees at {@code tree}, if it is this check's to report. Asked
   * for every node of these kinds, so it builds no lambda or {@code Optional} chain of its own.
   */
  private <T extends Tree> Description report(
      T tree, VisitorState state, Discards.Finder<T> finder) {
    if (!problems.none(state)) {
      return Description.NO_MATCH;
    }
    Optional<Discard> found = discards.memoized(tree, state, finder);
    if (found.isEmpty()) {
      return Description.NO_MATCH;
    }
    Discard d = found.get();
    if (HeedCheck.reporting(d.obligation().kind()) == check
        && !ReviewedExceptions.allow(state.getPath())) {
      reporter.report(
          check.checkName(),
          state.getPath(),
          check.linked(buildDescription(tree)).setMessage(d.message()).build(),
          state);
    }
    return Description.NO_MATCH;
  }

  /** Every drop in a unit, for the index of what exceptions excuse. */
  static FindingSource findingSource(Discards discards) {
    return (unit, state, found) ->
        new TreePathScanner<Void, Void>() {
          @Override
          public Void scan(Tree tree, Void unused) {
            if (tree != null) {
              TreePath path = new TreePath(getCurrentPath(), tree);
              discards
                  .at(path, state.withPath(path))
                  .ifPresent(
                      d ->
                          found.accept(
                              path, HeedCheck.reporting(d.obligation().kind()).checkName()));
            }
            return super.scan(tree, null);
          }
        }.scan(unit, null);
  }
}
