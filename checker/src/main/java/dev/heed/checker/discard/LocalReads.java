package dev.heed.checker.discard;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Whether a local variable is ever read. Only its scope can mention it, so only that is searched,
 * and the search stops at the first read: most locals are read within a few statements, so a local
 * costs a few nodes, not a pass over its unit.
 *
 * <p>Every mention of a variable is a read except being the target of a plain assignment: passing
 * it, returning it, comparing it, calling a method on it, capturing it in a lambda or inner class,
 * and compound assignment all read it.
 */
public final class LocalReads {
  private @Nullable CompilationUnitTree unit;

  /** The reads of each scope an assignment asked about, in the current unit. */
  private final IdentityHashMap<Tree, Set<Symbol>> readsByScope = new IdentityHashMap<>();

  /** A variable that site 5 is about: a local declared in a method, lambda or initializer body. */
  public static boolean isLocal(Symbol symbol) {
    return symbol instanceof VarSymbol && symbol.getKind() == ElementKind.LOCAL_VARIABLE;
  }

  /**
   * Whether the local declared at {@code declaration} is read: in the statements of its block that
   * follow it, or, declared elsewhere (a {@code for} header, a resource, a {@code case}), in the
   * code around that.
   */
  static boolean isReadAfter(TreePath declaration, VarSymbol local) {
    TreePath parent = declaration.getParentPath();
    if (parent.getLeaf() instanceof BlockTree block) {
      List<? extends StatementTree> statements = block.getStatements();
      int at = statements.indexOf(declaration.getLeaf());
      return at < 0 || reads(statements.subList(at + 1, statements.size()), local);
    }
    return reads(scope(parent, true), local);
  }

  /**
   * Whether the local assigned at {@code assignment} is read anywhere in the body it is declared
   * in: a local can be assigned only in that body's own code (not in a lambda or class within it),
   * so the nearest enclosing method, lambda or class member holds its whole scope. Its reads are
   * collected once for all the assignments in it: a loop may assign the same local often.
   */
  boolean isReadAround(TreePath assignment, VarSymbol local) {
    if (assignment.getCompilationUnit() != unit) {
      unit = assignment.getCompilationUnit();
      readsByScope.clear();
    }
    Tree scope = scope(assignment, false);
    Set<Symbol> read = readsByScope.get(scope);
    if (read == null) {
      read = allReads(scope);
      readsByScope.put(scope, read);
    }
    return read.contains(local);
  }

  /**
   * The nearest tree around {@code from} that holds the scope of a local declared or assigned
   * there: a block (if {@code blockHolds}), a method, a lambda, or else the class member.
   */
  private static Tree scope(TreePath from, boolean blockHolds) {
    Tree inner = from.getLeaf();
    for (TreePath path = from; path != null; path = path.getParentPath()) {
      Tree leaf = path.getLeaf();
      if (leaf instanceof ClassTree || leaf instanceof CompilationUnitTree) {
        return inner;
      }
      if ((blockHolds && leaf instanceof BlockTree)
          || leaf instanceof MethodTree
          || leaf instanceof LambdaExpressionTree) {
        return leaf;
      }
      inner = leaf;
    }
    return inner;
  }

  private static boolean reads(Tree tree, VarSymbol local) {
    return reads(List.of(tree), local);
  }

  private static boolean reads(Iterable<? extends Tree> trees, VarSymbol local) {
    boolean[] read = new boolean[1];
    new ReadScanner() {
      @Override
      public Void scan(Tree node, Void unused) {
        return read[0] ? null : super.scan(node, null); // the first read is enough
      }

      @Override
      void read(IdentifierTree identifier) {
        read[0] |=
            identifier.getName().equals(local.getSimpleName())
                && local.equals(ASTHelpers.getSymbol(identifier));
      }
    }.scan(trees, null);
    return read[0];
  }

  private static Set<Symbol> allReads(Tree tree) {
    Set<Symbol> read = new HashSet<>();
    new ReadScanner() {
      @Override
      void read(IdentifierTree identifier) {
        Symbol symbol = ASTHelpers.getSymbol(identifier);
        if (isLocal(symbol)) {
          read.add(symbol);
        }
      }
    }.scan(tree, null);
    return read;
  }

  /** Visits every mention of a variable that reads it. */
  private abstract static class ReadScanner extends TreeScanner<Void, Void> {
    abstract void read(IdentifierTree identifier);

    @Override
    public Void visitAssignment(AssignmentTree assignment, Void unused) {
      ExpressionTree target = ASTHelpers.stripParentheses(assignment.getVariable());
      if (target instanceof IdentifierTree) {
        return scan(assignment.getExpression(), null); // a plain store is not a read
      }
      return super.visitAssignment(assignment, null);
    }

    @Override
    public Void visitIdentifier(IdentifierTree identifier, Void unused) {
      read(identifier);
      return null;
    }
  }
}
