package dev.heed.checker.trees;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.function.Predicate;

/** Searches a tree for method invocations. */
public final class Calls {
  private Calls() {}

  /** Whether {@code tree} contains a method invocation that {@code matches}. */
  public static boolean anyIn(Tree tree, Predicate<MethodInvocationTree> matches) {
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean visitMethodInvocation(MethodInvocationTree invocation, Void unused) {
            return matches.test(invocation)
                || Boolean.TRUE.equals(super.visitMethodInvocation(invocation, null));
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(tree, null);
    return Boolean.TRUE.equals(found);
  }
}
