package dev.heed.checker.obligation;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import org.jspecify.annotations.Nullable;

/**
 * An anonymous subclass is created by its superclass's constructor: {@code new X() {}} owes what
 * {@code new X()} owes. Its own constructor is javac's, has no name and carries no annotation, so
 * the call is judged by the superclass constructor its body invokes.
 */
final class AnonymousSubclass {
  private AnonymousSubclass() {}

  /**
   * The superclass constructor {@code call} runs, when it creates an anonymous class; null
   * otherwise, and for an anonymous class implementing an interface (it runs {@code Object()}).
   */
  static @Nullable MethodSymbol superConstructor(ExpressionTree call, MethodSymbol constructor) {
    if (!(call instanceof NewClassTree creation)
        || creation.getClassBody() == null
        || !constructor.owner.isAnonymous()) {
      return null;
    }
    for (Tree member : creation.getClassBody().getMembers()) {
      if (member instanceof MethodTree method
          && ASTHelpers.getSymbol(method).isConstructor()
          && method.getBody() != null) {
        for (StatementTree statement : method.getBody().getStatements()) {
          if (statement instanceof ExpressionStatementTree expression
              && expression.getExpression() instanceof MethodInvocationTree invocation
              && ASTHelpers.getSymbol(invocation).isConstructor()) {
            MethodSymbol invoked = ASTHelpers.getSymbol(invocation);
            return invoked.owner.equals(constructor.owner)
                    || invoked.owner.getQualifiedName().contentEquals("java.lang.Object")
                ? null
                : invoked;
          }
        }
      }
    }
    return null;
  }
}
