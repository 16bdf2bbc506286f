package dev.heed.checker.obligation;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.heed.checker.catalogue.Category;
import dev.heed.checker.trees.Calls;
import java.util.List;

/**
 * A timed wait whose result is dropped is no loss when a later statement of the same block asks the
 * same receiver for the outcome again: {@code pool.awaitTermination(5, SECONDS); if
 * (!pool.isTerminated()) { ... }}, {@code latch.await(1, SECONDS); if (latch.getCount() > 0) ...}.
 * The question is an {@code outcome-query} of the catalogue; the receiver is the same variable.
 */
final class RecheckedOutcomeExemption implements CallSiteExemption {
  @Override
  public boolean appliesTo(Verdict verdict) {
    return verdict.category() == Category.TIMED_OUT;
  }

  @Override
  public boolean excuses(CallSite site) {
    if (!(site.receiverSymbol() instanceof VarSymbol receiver)) {
      return false;
    }
    TreePath statementPath = site.path().getParentPath();
    if (statementPath == null
        || !(statementPath.getLeaf() instanceof ExpressionStatementTree statement)
        || statementPath.getParentPath() == null
        || !(statementPath.getParentPath().getLeaf() instanceof BlockTree block)) {
      return false;
    }
    List<? extends StatementTree> statements = block.getStatements();
    int index = statements.indexOf(statement);
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
