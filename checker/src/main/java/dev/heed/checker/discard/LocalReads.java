package dev.heed.checker.discard;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Which local variables of a compilation unit are ever read. Computed in one pass over the unit,
 * when the first local of that unit initialized or assigned by a call asks, and kept until the next
 * unit.
 *
 * <p>Every mention of a variable is a read except being the target of a plain assignment: passing
 * it, returning it, comparing it, calling a method on it, capturing it in a lambda or inner class,
 * and compound assignment all read it.
 */
public final class LocalReads {
  private CompilationUnitTree unit;
  private Set<Symbol> read = Set.of();

  boolean isRead(VarSymbol local, CompilationUnitTree currentUnit) {
    if (currentUnit != unit) {
      unit = currentUnit;
      read = scan(currentUnit);
    }
    return read.contains(local);
  }

  /** A variable that site 5 is about: a local declared in a method, lambda or initializer body. */
  public static boolean isLocal(Symbol symbol) {
    return symbol instanceof VarSymbol && symbol.getKind() == ElementKind.LOCAL_VARIABLE;
  }

  private static Set<Symbol> scan(CompilationUnitTree unit) {
    Set<Symbol> read = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        ExpressionTree target = ASTHelpers.stripParentheses(tree.getVariable());
        if (target instanceof IdentifierTree) {
          return scan(tree.getExpression(), null); // a plain store is not a read
        }
        return super.visitAssignment(tree, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (isLocal(symbol)) {
          read.add(symbol);
        }
        return null;
      }
    }.scan(unit, null);
    return read;
  }
}
