package dev.heed.checker.trees;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Every value a variable is ever given, when all of them are in view: a local variable (its
 * method), or a private, package-private or final field of a class in this compilation unit. Lets a
 * rule ask what a {@code Queue<T> q} really holds ({@code q = new ConcurrentLinkedQueue<>()}).
 */
public final class Assignments {
  private Assignments() {}

  /** The initializer and the right-hand side of each {@code variable = ...}, or null if unknown. */
  public static @Nullable List<ExpressionTree> of(VarSymbol variable, TreePath path) {
    Tree scope = scope(variable, path);
    if (scope == null) {
      return null;
    }
    List<ExpressionTree> values = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        if (tree.getInitializer() != null && variable.equals(ASTHelpers.getSymbol(tree))) {
          values.add(tree.getInitializer());
        }
        return super.visitVariable(tree, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        if (variable.equals(ASTHelpers.getSymbol(tree.getVariable()))) {
          values.add(tree.getExpression());
        }
        return super.visitAssignment(tree, null);
      }
    }.scan(scope, null);
    return values;
  }

  /**
   * Where every assignment to {@code variable} must be, or null if it can be assigned elsewhere.
   */
  private static @Nullable Tree scope(VarSymbol variable, TreePath path) {
    if (variable.getKind() == ElementKind.LOCAL_VARIABLE) {
      for (TreePath p = path; p != null; p = p.getParentPath()) {
        if (p.getLeaf() instanceof MethodTree method) {
          return method;
        }
      }
      return null;
    }
    // Private, final or package-private: only this file's classes (or, rarely, the package's)
    // assign it. A protected or public field is anyone's.
    if (variable.getKind() != ElementKind.FIELD
        || ((variable.flags() & (Flags.PROTECTED | Flags.PUBLIC)) != 0
            && (variable.flags() & Flags.FINAL) == 0)) {
      return null;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    Symbol outermost = variable.outermostClass();
    for (Tree declaration : unit.getTypeDecls()) {
      if (declaration instanceof ClassTree type && outermost.equals(ASTHelpers.getSymbol(type))) {
        return type;
      }
    }
    return null; // declared in another file
  }
}
