package dev.heed.checker.trees;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.function.Predicate;

/**
 * Searches of a tree, and where a body's own code ends: a lambda or a local or anonymous class runs
 * at another time, or never, and its returns, yields and throws are its own.
 */
public final class Search {
  private Search() {}

  /** Whether {@code tree} is still the enclosing body's own code (not a lambda or a class). */
  public static boolean isOwnCode(Tree tree) {
    return !(tree instanceof LambdaExpressionTree || tree instanceof ClassTree);
  }

  /** Whether {@code root} or any tree inside it {@code matches}. */
  public static boolean anyIn(Tree root, Predicate<? super Tree> matches) {
    return anyIn(root, matches, tree -> true);
  }

  /** Whether {@code root}'s own code (see {@link #isOwnCode}) has a tree that {@code matches}. */
  public static boolean anyInOwnCode(Tree root, Predicate<? super Tree> matches) {
    return anyIn(root, matches, Search::isOwnCode);
  }

  private static boolean anyIn(
      Tree root, Predicate<? super Tree> matches, Predicate<? super Tree> enters) {
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean scan(Tree tree, Void unused) {
            if (tree == null || (tree != root && !enters.test(tree))) {
              return false;
            }
            return matches.test(tree) || Boolean.TRUE.equals(super.scan(tree, null));
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(root, null);
    return Boolean.TRUE.equals(found);
  }
}
