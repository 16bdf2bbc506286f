package dev.heed.checker.trees;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The declarations of the methods compiled now, by symbol. Enter knows the declaration of every
 * class being compiled, a map lookup away; the method is one of its members. The path to a
 * top-level or member class is built from its enclosing classes, with no scan at all; only a local
 * or anonymous class is searched for in its unit, once. ({@code JavacTrees.getPath} would scan the
 * unit again for every method, which made reading many callees' bodies quadratic in the unit's
 * size.)
 */
public final class MethodPaths {
  private final Map<JCClassDecl, TreePath> classes = new HashMap<>();

  /** By class: its methods' declarations, indexed on the first look into that class. */
  private final Map<JCClassDecl, Map<MethodSymbol, JCMethodDecl>> methods = new HashMap<>();

  /** The path of {@code method}'s declaration, or null when its class is not compiled now. */
  public @Nullable TreePath of(MethodSymbol method, VisitorState state) {
    ClassSymbol owner = method.enclClass();
    TreePath classPath = owner == null ? null : pathOf(owner, Enter.instance(state.context));
    if (classPath == null) {
      return null;
    }
    JCMethodDecl declaration =
        methods
            .computeIfAbsent((JCClassDecl) classPath.getLeaf(), MethodPaths::declaredMethods)
            .get(method);
    return declaration == null ? null : new TreePath(classPath, declaration);
  }

  private static Map<MethodSymbol, JCMethodDecl> declaredMethods(JCClassDecl type) {
    Map<MethodSymbol, JCMethodDecl> declared = new HashMap<>();
    for (Tree member : type.getMembers()) {
      if (member instanceof JCMethodDecl declaration && declaration.sym != null) {
        declared.putIfAbsent(declaration.sym, declaration);
      }
    }
    return declared;
  }

  private @Nullable TreePath pathOf(ClassSymbol type, Enter enter) {
    Env<AttrContext> env = enter.getEnv(type);
    if (env == null || env.toplevel == null || !(env.tree instanceof JCClassDecl declaration)) {
      return null; // not compiled now: a class file
    }
    TreePath known = classes.get(declaration);
    if (known != null) {
      return known;
    }
    TreePath path;
    if (type.owner instanceof PackageSymbol) {
      path = new TreePath(new TreePath(env.toplevel), declaration);
    } else if (type.owner instanceof ClassSymbol outer) {
      TreePath outerPath = pathOf(outer, enter);
      path = outerPath == null ? null : new TreePath(outerPath, declaration);
    } else {
      path = TreePath.getPath(env.toplevel, declaration); // local or anonymous: declared in a body
    }
    if (path != null) {
      classes.put(declaration, path);
    }
    return path;
  }
}
