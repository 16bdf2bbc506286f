package dev.heed.checker.obligation;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import dev.heed.checker.catalogue.Category;
import dev.heed.checker.trees.EnclosingBlocks;

/**
 * A timed wait whose result is dropped is no loss when the wait is retried (inside a loop that
 * checks its own condition) or cannot time out ({@code awaitTermination(Long.MAX_VALUE, ...)}).
 */
final class RetriedOrUnboundedWaitExemption implements CallSiteExemption {
  @Override
  public boolean appliesTo(Verdict verdict) {
    return verdict.category() == Category.TIMED_OUT;
  }

  @Override
  public boolean excuses(CallSite site) {
    if (site.call() instanceof MethodInvocationTree invocation) {
      for (ExpressionTree argument : invocation.getArguments()) {
        Object value = ASTHelpers.constValue(argument);
        if (value instanceof Number n
            && (n.longValue() == Integer.MAX_VALUE || n.longValue() == Long.MAX_VALUE)) {
          return true;
        }
      }
    }
    for (Tree enclosing : site.path()) {
      if (enclosing instanceof WhileLoopTree
          || enclosing instanceof DoWhileLoopTree
          || enclosing instanceof ForLoopTree) {
        return true;
      }
      if (EnclosingBlocks.isBoundary(enclosing)) {
        return false;
      }
    }
    return false;
  }
}
