package dev.heed.checker.obligation;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.heed.checker.catalogue.Catalogue;
import dev.heed.checker.catalogue.Category;
import dev.heed.checker.trees.Assignments;
import java.util.List;
import javax.lang.model.element.ElementKind;

/**
 * A dropped {@code shutdownNow()} list loses no work when the executor can hold no queued task, so
 * the list is always empty:
 *
 * <ul>
 *   <li>its type lists no tasks ({@code lists-no-tasks}: a {@code ForkJoinPool}), by its static
 *       type or by every value its variable is given;
 *   <li>every value is a pool created over a queue that holds no element ({@code new
 *       ThreadPoolExecutor(..., new SynchronousQueue<>())}), or made by a factory of such pools
 *       ({@code creates-unqueued-pool}: {@code Executors.newCachedThreadPool()});
 *   <li>or it is a local variable created in place ({@code new}, or a static {@code new*} factory)
 *       that is never given a task: every use of it in its method calls a teardown, an await or an
 *       {@code is*} query on it.
 * </ul>
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
    if (values.stream().allMatch(value -> queuesNothing(value, method, site))) {
      return true;
    }
    return variable.getKind() == ElementKind.LOCAL_VARIABLE
        && values.stream().allMatch(EmptyTaskListExemption::createdHere)
        && neverTasked(variable, site);
  }

  /**
   * A new executor: {@code new T(...)}, or a static {@code new*} factory ({@code
   * Executors.newFixedThreadPool(2)}), by Java's naming convention for factories of new instances.
   * Any other value ({@code (ExecutorService) this.executor}, a getter) may be an executor that was
   * given tasks elsewhere.
   */
  static boolean createdHere(ExpressionTree value) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(value);
    if (stripped instanceof NewClassTree) {
      return true;
    }
    return stripped instanceof MethodInvocationTree call
        && ASTHelpers.getSymbol((Tree) call) instanceof MethodSymbol factory
        && factory.isStatic()
        && factory.getSimpleName().toString().startsWith("new");
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

  /** Whether every use of the local {@code variable} calls a teardown, await or query on it. */
  private static boolean neverTasked(VarSymbol variable, CallSite site) {
    TreePath method = site.path();
    while (method != null && !(method.getLeaf() instanceof MethodTree)) {
      method = method.getParentPath();
    }
    if (method == null) {
      return false;
    }
    Catalogue catalogue = site.catalogue();
    boolean[] tasked = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        if (variable.equals(ASTHelpers.getSymbol(identifier)) && !onlyControls(getCurrentPath())) {
          tasked[0] = true;
        }
        return null;
      }

      // pool.shutdown(), pool.awaitTermination(...), pool.isShutdown(): controls, not tasks.
      private boolean onlyControls(TreePath use) {
        TreePath parent = use.getParentPath();
        if (!(parent.getLeaf() instanceof MemberSelectTree select)
            || !(parent.getParentPath().getLeaf() instanceof MethodInvocationTree)) {
          return false; // passed on, assigned or stored: it may be given tasks there
        }
        return isControl(select.getIdentifier().toString(), catalogue);
      }
    }.scan(method, null);
    return !tasked[0];
  }

  /** A call that controls an executor and gives it no task: a teardown, an await, a query. */
  static boolean isControl(String name, Catalogue catalogue) {
    return catalogue.isTeardown(name)
        || name.startsWith("await")
        || (name.startsWith("is") && name.length() > 2);
  }
}
