package dev.heed.checker.obligation;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.heed.checker.catalogue.Category;
import dev.heed.checker.trees.EnclosingBlocks;
import dev.heed.checker.trees.Search;

/**
 * A second {@code shutdownNow()} lists nothing: {@code pool.shutdownNow(); if
 * (!pool.awaitTermination(5, SECONDS)) { pool.shutdownNow(); }}. The first call emptied the queue
 * into its list, and a shut-down executor refuses every new task ({@code ExecutorService}'s
 * contract), so the second list is always empty. The first must be a statement that ran before on
 * every path to the second (in its block or a block around it, up to the method or lambda), on the
 * same variable, with no assignment to it in between. The first list is the one to report.
 */
final class DrainedEarlierExemption implements CallSiteExemption {
  @Override
  public boolean appliesTo(Verdict verdict) {
    return verdict.category() == Category.DROPPED_WORK;
  }

  @Override
  public boolean excuses(CallSite site) {
    if (!(site.receiverSymbol() instanceof VarSymbol receiver)) {
      return false;
    }
    // What runs after the call (a finally that clears the variable) does not matter.
    for (EnclosingBlocks.Level level : EnclosingBlocks.of(site.path())) {
      for (StatementTree earlier : level.before()) {
        if (isDrain(earlier, receiver, site)) {
          return true;
        }
        if (assigns(earlier, receiver)) {
          return false; // the variable may name another executor by now
        }
      }
    }
    return false;
  }

  private static boolean isDrain(StatementTree statement, Symbol receiver, CallSite site) {
    return statement instanceof ExpressionStatementTree earlier
        && ASTHelpers.stripParentheses(earlier.getExpression()) instanceof MethodInvocationTree call
        && receiver.equals(CallSite.receiverSymbol(call))
        && ASTHelpers.getSymbol(call) != null
        && site.catalogue().names(Category.DROPPED_WORK, ASTHelpers.getSymbol(call), site.types());
  }

  private static boolean assigns(Tree tree, Symbol variable) {
    return Search.anyInOwnCode(
        tree,
        t ->
            t instanceof AssignmentTree assignment
                && variable.equals(ASTHelpers.getSymbol(assignment.getVariable())));
  }
}
