package dev.heed.checker.obligation;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.heed.checker.catalogue.Category;
import dev.heed.checker.trees.Calls;
import java.util.List;

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
    if (!(site.receiverSymbol() instanceof VarSymbol)) {
      return false;
    }
    TreePath path = site.path().getParentPath();
    if (path == null || !(path.getLeaf() instanceof ExpressionStatementTree)) {
      return false;
    }
    for (TreePath parent = path.getParentPath();
        parent != null && !isBoundary(parent.getLeaf());
        path = parent, parent = parent.getParentPath()) {
      if (parent.getLeaf() instanceof BlockTree block && askedLater(block, path.getLeaf(), site)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBoundary(Tree tree) {
    return tree instanceof MethodTree
        || tree instanceof LambdaExpressionTree
        || tree instanceof ClassTree;
  }

  private static boolean askedLater(BlockTree block, Tree statement, CallSite site) {
    Symbol receiver = site.receiverSymbol();
    List<? extends StatementTree> statements = block.getStatements();
    int index = statements.indexOf(statement);
    if (index < 0) {
      return false;
    }
    for (Tree later : statements.subList(index + 1, statements.size())) {
      boolean asked =
          Calls.anyIn(
              later,
              call ->
                  receiver.equals(CallSite.receiverSymbol(call))
                      && site.catalogue()
                          .names(Category.OUTCOME_QUERY, ASTHelpers.getSymbol(call), site.types()));
      if (asked) {
        return true;
      }
    }
    return false;
  }
}
