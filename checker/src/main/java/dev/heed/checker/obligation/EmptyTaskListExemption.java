package dev.heed.checker.obligation;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.heed.checker.catalogue.Catalogue;
import dev.heed.checker.catalogue.Category;
import dev.heed.checker.trees.Assignments;
import java.util.List;

/**
 * A dropped {@code shutdownNow()} list loses no work when the executor can hold no queued task, so
 * the list is always empty:
 *
 * <ul>
 *   <li>its type lists no tasks ({@code lists-no-tasks}: a {@code ForkJoinPool}), by its static
 *       type or by every value its variable is given;
 *   <li>every value is a pool created over a queue that holds no element ({@code new
 *       ThreadPoolExecutor(..., new SynchronousQueue<>())}), or made by a factory of such pools
 *       ({@code creates-unqueued-pool}: {@code Executors.newCachedThreadPool()}).
 * </ul>
 *
 * <p>An executor created in place and never given a task is {@link PeriodicTasksOnlyExemption}'s:
 * it reads every use of the executor, for no task or only periodic ones.
 */
final class EmptyTaskListExemption implements CallSiteExemption {
  @Override
  public boolean appliesTo(Verdict verdict) {
    return verdict.category() == Category.DROPPED_WORK;
  }

  @Override
  public boolean excuses(CallSite site) {
    Catalogue catalogue = site.catalogue();
    String method = site.method().getSimpleName().toString();
    Type receiver = site.receiverType();
    if (receiver != null
        && catalogue.receiverFact(Category.LISTS_NO_TASKS, receiver, method, site.types())) {
      return true;
    }
    if (!(site.receiverSymbol() instanceof VarSymbol variable)) {
      return false;
    }
    List<ExpressionTree> values = Assignments.of(variable, site.path());
    if (values == null || values.isEmpty()) {
      return false;
    }
    return values.stream().allMatch(value -> queuesNothing(value, method, site));
  }

  private static boolean queuesNothing(ExpressionTree value, String method, CallSite site) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(value);
    Catalogue catalogue = site.catalogue();
    if (stripped instanceof MethodInvocationTree call) {
      return ASTHelpers.getSymbol((Tree) call) instanceof MethodSymbol factory
          && catalogue.names(Category.CREATES_UNQUEUED_POOL, factory, site.types());
    }
    if (!(stripped instanceof NewClassTree created)) {
      return false;
    }
    Type type = ASTHelpers.getType(created);
    if (type != null
        && catalogue.receiverFact(Category.LISTS_NO_TASKS, type, method, site.types())) {
      return true;
    }
    // A pool created over a work queue that holds nothing: new ThreadPoolExecutor(..., new
    // SynchronousQueue<>()).
    return created.getArguments().stream()
        .map(ASTHelpers::stripParentheses)
        .anyMatch(
            argument ->
                argument instanceof NewClassTree queue
                    && ASTHelpers.getType(queue) != null
                    && catalogue.receiverFact(
                        Category.LISTS_NO_TASKS, ASTHelpers.getType(queue), "offer", site.types()));
  }
}
