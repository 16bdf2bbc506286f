package dev.heed.checker.trees;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The declarations of the methods compiled now, by symbol. Each compilation unit is scanned once,
 * the first time one of its methods is asked for: {@code JavacTrees.getPath} would scan the unit
 * again for every method, which made reading many callees' bodies quadratic in the unit's size.
 */
public final class MethodPaths {
  private final Map<CompilationUnitTree, Map<MethodSymbol, TreePath>> units = new HashMap<>();

  /** The path of {@code method}'s declaration, or null when its class is not compiled now. */
  public @Nullable TreePath of(MethodSymbol method, VisitorState state) {
    ClassSymbol owner = method.enclClass();
    if (owner == null) {
      return null;
    }
    // Only classes compiled now have a declaration to read: Enter knows them, a map lookup away.
    Env<AttrContext> env = Enter.instance(state.context).getEnv(owner);
    if (env == null || env.toplevel == null) {
      return null;
    }
    return units.computeIfAbsent(env.toplevel, MethodPaths::index).get(method);
  }

  private static Map<MethodSymbol, TreePath> index(CompilationUnitTree unit) {
    Map<MethodSymbol, TreePath> paths = new HashMap<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        MethodSymbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null) {
          paths.put(symbol, getCurrentPath());
        }
        return super.visitMethod(tree, null);
      }
    }.scan(unit, null);
    return paths;
  }
}
