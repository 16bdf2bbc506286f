package dev.heed.checker.obligation;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.heed.checker.catalogue.Category;
import dev.heed.checker.trees.Calls;
import dev.heed.checker.trees.EnclosingBlocks;

/**
 * A timed wait whose result is dropped is no loss when a later statement asks the same receiver for
 * the outcome again: {@code pool.awaitTermination(5, SECONDS); if (!pool.isTerminated()) { ... }},
 * {@code latch.await(1, SECONDS); if (latch.getCount() > 0) ...}. Later means after the wait in its
 * block, or after a statement around it ({@code try { pool.awaitTermination(...); } catch
 * (InterruptedException e) { ... } if (!pool.isTerminated()) ...}), up to the enclosing method or
 * lambda. The question is an {@code outcome-query} of the catalogue; the receiver is the same
 * variable.
 */
final class RecheckedOutcomeExemption implements CallSiteExemption {
  @Override
  public boolean appliesTo(Verdict verdict) {
    return verdict.category() == Category.TIMED_OUT;
  }

  @Override
  public boolean excuses(CallSite site) {
    if (!(site.receiverSymbol() instanceof VarSymbol receiver)
        || !(site.path().getParentPath().getLeaf() instanceof ExpressionStatementTree)) {
      return false;
    }
    for (EnclosingBlocks.Level level : EnclosingBlocks.of(site.path())) {
      for (Tree later : level.after()) {
        if (Calls.anyIn(later, call -> asksOutcome(call, receiver, site))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean asksOutcome(MethodInvocationTree call, Symbol receiver, CallSite site) {
    return receiver.equals(CallSite.receiverSymbol(call))
        && site.catalogue().names(Category.OUTCOME_QUERY, ASTHelpers.getSymbol(call), site.types());
  }
}
