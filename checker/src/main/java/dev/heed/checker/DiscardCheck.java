package dev.heed.checker;

import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.AssignmentTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MemberReferenceTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.heed.checker.Discards.Discard;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A check that reports the discards of one kind of must-use value, as found by the shared {@link
 * Discards} engine. Subclasses only name themselves through {@code @BugPattern}.
 */
abstract class DiscardCheck extends BugChecker
    implements CompilationUnitTreeMatcher,
        MethodInvocationTreeMatcher,
        NewClassTreeMatcher,
        MemberReferenceTreeMatcher,
        VariableTreeMatcher,
        AssignmentTreeMatcher {

  private final Discards discards;

  DiscardCheck(Discards discards) {
    this.discards = discards;
  }

  @Override
  public final Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    discards.enabled(state); // reports bad flags once per compilation
    return Description.NO_MATCH;
  }

  @Override
  public final Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return report(tree, state, discards::ofCall);
  }

  @Override
  public final Description matchNewClass(NewClassTree tree, VisitorState state) {
    return report(tree, state, discards::ofCall);
  }

  @Override
  public final Description matchMemberReference(MemberReferenceTree tree, VisitorState state) {
    return report(tree, state, discards::ofMethodReference);
  }

  @Override
  public final Description matchVariable(VariableTree tree, VisitorState state) {
    return report(tree, state, discards::ofVariable);
  }

  @Override
  public final Description matchAssignment(AssignmentTree tree, VisitorState state) {
    return report(tree, state, discards::ofAssignment);
  }

  /** Reports the discard {@code find} sees at {@code tree}, if it is this check's to report. */
  private <T extends Tree> Description report(
      T tree, VisitorState state, BiFunction<T, VisitorState, Optional<Discard>> find) {
    if (!discards.enabled(state)) {
      return Description.NO_MATCH;
    }
    return discards
        .memoized(tree, () -> find.apply(tree, state))
        .filter(d -> d.obligation().check().equals(canonicalName()))
        .filter(d -> !ReviewedExceptions.allow(state.getPath()))
        .map(d -> buildDescription(tree).setMessage(d.message()).build())
        .orElse(Description.NO_MATCH);
  }
}
