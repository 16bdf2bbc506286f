package dev.heed.checker.obligation;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.heed.checker.catalogue.Catalogue;
import dev.heed.checker.catalogue.Category;
import dev.heed.checker.trees.Assignments;
import dev.heed.checker.trees.MethodPaths;
import java.util.List;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * A dropped {@code shutdownNow()} list loses no work when the executor was never given a task (the
 * list is empty), or only ever periodic ones ({@code schedules-periodic}: {@code
 * scheduleAtFixedRate}, {@code scheduleWithFixedDelay}). Such a task runs until it is cancelled;
 * what the list holds of it is its next run, and ending those runs is what shutting the executor
 * down is for. A one-shot task in the list is work that never ran, so a single other submission
 * keeps the drop reported.
 *
 * <p>Only for an executor whose every task this file shows: a local, or a private field, created
 * here ({@code new}, a static {@code new*} factory, or a private method of the class that returns
 * one), and every use of which schedules a periodic task on it or controls it (a teardown, an
 * await, an {@code is*} query). An executor passed in, passed on or stored elsewhere may be given
 * one-shot tasks there.
 */
final class PeriodicTasksOnlyExemption implements CallSiteExemption {
  private final MethodPaths paths;

  PeriodicTasksOnlyExemption(MethodPaths paths) {
    this.paths = paths;
  }

  @Override
  public boolean appliesTo(Verdict verdict) {
    return verdict.category() == Category.DROPPED_WORK;
  }

  @Override
  public boolean excuses(CallSite site) {
    if (!(site.receiverSymbol() instanceof VarSymbol variable)) {
      return false;
    }
    TreePath scope = scope(variable, site.path());
    List<ExpressionTree> values = Assignments.of(variable, site.path());
    if (scope == null || values == null || values.isEmpty()) {
      return false;
    }
    for (ExpressionTree value : values) {
      if (!createdHere(value) && !createdByPrivateMethod(value, site)) {
        return false;
      }
    }
    return onlyPeriodicTasks(variable, scope, site);
  }

  /** The tree holding every use of {@code variable}: its method, or its private field's class. */
  private static @Nullable TreePath scope(VarSymbol variable, TreePath path) {
    if (variable.getKind() == ElementKind.LOCAL_VARIABLE) {
      for (TreePath p = path; p != null; p = p.getParentPath()) {
        if (p.getLeaf() instanceof MethodTree) {
          return p;
        }
      }
      return null;
    }
    if (variable.getKind() != ElementKind.FIELD || (variable.flags() & Flags.PRIVATE) == 0) {
      return null;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    Symbol outermost = variable.outermostClass();
    for (Tree declaration : unit.getTypeDecls()) {
      if (declaration instanceof ClassTree type && outermost.equals(ASTHelpers.getSymbol(type))) {
        return new TreePath(new TreePath(unit), type);
      }
    }
    return null;
  }

  /** {@code this.scheduler = newScheduler()}, where the private method creates it in place. */
  private boolean createdByPrivateMethod(ExpressionTree value, CallSite site) {
    if (!(ASTHelpers.stripParentheses(value) instanceof MethodInvocationTree call)
        || !call.getArguments().isEmpty()
        || !(ASTHelpers.getSymbol((Tree) call) instanceof MethodSymbol method)
        || (method.flags() & Flags.PRIVATE) == 0) {
      return false;
    }
    TreePath declaration = paths.of(method, site.state());
    if (declaration == null
        || !(declaration.getLeaf() instanceof MethodTree tree)
        || tree.getBody() == null) {
      return false;
    }
    List<TreePath> returned =
        ReturnSummaries.returnedValues(new TreePath(declaration, tree.getBody()));
    if (returned.isEmpty()) {
      return false;
    }
    for (TreePath created : returned) {
      if (!createdHere((ExpressionTree) created.getLeaf())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether every use of {@code variable} in {@code scope} schedules a periodic task or controls.
   */
  private static boolean onlyPeriodicTasks(VarSymbol variable, TreePath scope, CallSite site) {
    Catalogue catalogue = site.catalogue();
    boolean[] other = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        check(identifier);
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree select, Void unused) {
        check(select); // this.scheduler
        return super.visitMemberSelect(select, null);
      }

      private void check(Tree use) {
        if (!other[0] && variable.equals(ASTHelpers.getSymbol(use)) && !allowed(getCurrentPath())) {
          other[0] = true;
        }
      }

      private boolean allowed(TreePath use) {
        TreePath parent = use.getParentPath();
        if (parent.getLeaf() instanceof AssignmentTree assignment
            && assignment.getVariable() == use.getLeaf()) {
          return true; // its values are read above
        }
        if (!(parent.getLeaf() instanceof MemberSelectTree select)
            || !(parent.getParentPath().getLeaf() instanceof MethodInvocationTree call)) {
          return false; // passed on, returned or stored: it may be given tasks there
        }
        return isControl(select.getIdentifier().toString(), catalogue)
            || (ASTHelpers.getSymbol((Tree) call) instanceof MethodSymbol method
                && catalogue.names(Category.SCHEDULES_PERIODIC, method, site.types()));
      }
    }.scan(scope, null);
    return !other[0];
  }

  /**
   * A new executor: {@code new T(...)}, or a static {@code new*} factory ({@code
   * Executors.newFixedThreadPool(2)}), by Java's naming convention for factories of new instances.
   * Any other value ({@code (ExecutorService) this.executor}, a getter) may be an executor that was
   * given tasks elsewhere.
   */
  private static boolean createdHere(ExpressionTree value) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(value);
    if (stripped instanceof NewClassTree) {
      return true;
    }
    return stripped instanceof MethodInvocationTree call
        && ASTHelpers.getSymbol((Tree) call) instanceof MethodSymbol factory
        && factory.isStatic()
        && factory.getSimpleName().toString().startsWith("new");
  }

  /** A call that controls an executor and gives it no task: a teardown, an await, a query. */
  private static boolean isControl(String name, Catalogue catalogue) {
    return catalogue.isTeardown(name)
        || name.startsWith("await")
        || (name.startsWith("is") && name.length() > 2);
  }
}
