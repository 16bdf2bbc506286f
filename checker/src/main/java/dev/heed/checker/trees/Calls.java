package dev.heed.checker.trees;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import java.util.function.Predicate;

/** Searches a tree for method invocations. */
public final class Calls {
  private Calls() {}

  /** Whether {@code tree} contains a method invocation that {@code matches}. */
  public static boolean anyIn(Tree tree, Predicate<MethodInvocationTree> matches) {
    return Search.anyIn(
        tree, node -> node instanceof MethodInvocationTree call && matches.test(call));
  }
}
