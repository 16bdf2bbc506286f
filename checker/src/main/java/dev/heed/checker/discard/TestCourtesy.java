package dev.heed.checker.discard;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.Matchers;
import com.google.errorprone.matchers.UnusedReturnValueMatcher;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import java.util.stream.Stream;

/**
 * Test code gets Error Prone's usual courtesy: a value dropped where the call is only stubbed,
 * verified, or expected to throw is not a bug. Error Prone's {@link UnusedReturnValueMatcher} knows
 * Mockito's {@code verify}/{@code do*().when}, JUnit 4's and Truth's {@code fail()}, and the
 * exception-assertion lambdas; this adds BDDMockito's names and JUnit 5's and AssertJ's {@code
 * fail}.
 */
final class TestCourtesy {
  /**
   * Whether a test library whose contexts the courtesy knows is on this compilation's class path:
   * each context needs one of their types, so main code compiled without them is never asked about
   * (which also spares it the cost of Error Prone's test matchers).
   */
  private static final Supplier<Boolean> TEST_LIBRARY_PRESENT =
      VisitorState.memoize(
          state ->
              Stream.of(
                      "org.junit.Assert",
                      "junit.framework.Assert",
                      "org.junit.jupiter.api.Assertions",
                      "org.assertj.core.api.Assertions",
                      "org.mockito.Mockito",
                      "com.google.common.truth.Truth",
                      "com.google.truth.ExpectFailure",
                      "com.google.devtools.build.lib.testutil.MoreAsserts")
                  .anyMatch(name -> state.getTypeFromString(name) != null));

  private TestCourtesy() {}

  /** Whether the call at {@code state}'s path is in one of the allowed test-code contexts. */
  static boolean applies(ExpressionTree call, VisitorState state) {
    if (!TEST_LIBRARY_PRESENT.get(state)) {
      return false;
    }
    if (UnusedReturnValueMatcher.mockitoInvocation(call, state)
        || isBddMockitoInvocation(call, state)
        || UnusedReturnValueMatcher.expectedExceptionTest(state)
        || isFollowedByFail(state)) {
      return true;
    }
    for (Tree enclosing : state.getPath()) {
      if (enclosing instanceof LambdaExpressionTree) {
        return Matchers.isThrowingFunctionalInterface(ASTHelpers.getType(enclosing), state);
      }
      if (enclosing instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }

  private static boolean isBddMockitoInvocation(ExpressionTree call, VisitorState state) {
    if (!(call instanceof MethodInvocationTree invocation)) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(invocation);
    return receiver != null && Contexts.BDD_MOCKITO.matches(receiver, state);
  }

  private static boolean isFollowedByFail(VisitorState state) {
    StatementTree statement = ASTHelpers.findEnclosingNode(state.getPath(), StatementTree.class);
    return statement != null && Contexts.FOLLOWED_BY_FAIL_IN_TRY.matches(statement, state);
  }

  /** Error Prone's matchers, built only when a test library is present. */
  private static final class Contexts {
    /**
     * BDDMockito's verify and {@code do*().when}: {@code then(m).should()}, {@code
     * will*().given(m)}.
     */
    static final Matcher<ExpressionTree> BDD_MOCKITO =
        Matchers.anyOf(
            Matchers.instanceMethod().onDescendantOf("org.mockito.BDDMockito.Then").named("should"),
            Matchers.instanceMethod()
                .onDescendantOf("org.mockito.BDDMockito.BDDStubber")
                .named("given"));

    static final Matcher<ExpressionTree> FAIL =
        Matchers.anyOf(
            Matchers.staticMethod().onClass("org.junit.jupiter.api.Assertions").named("fail"),
            Matchers.staticMethod()
                .onClassAny("org.assertj.core.api.Assertions", "org.assertj.core.api.Fail")
                .namedAnyOf("fail", "failBecauseExceptionWasNotThrown", "shouldHaveThrown"));

    /** {@code try { f(); fail(); } catch}, with JUnit 5's or AssertJ's fail. */
    static final Matcher<StatementTree> FOLLOWED_BY_FAIL_IN_TRY =
        Matchers.allOf(
            Matchers.enclosingNode(Matchers.kindIs(Tree.Kind.TRY)),
            Matchers.nextStatement(Matchers.expressionStatement(FAIL)));

    private Contexts() {}
  }
}
