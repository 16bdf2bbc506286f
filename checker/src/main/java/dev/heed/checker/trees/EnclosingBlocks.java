package dev.heed.checker.trees;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The blocks around a tree, from the innermost out to its method, lambda or class: at each, the
 * statements that run before and after the one holding the tree. What "ran before on every path"
 * and "is asked later" mean for the call-site rules that look around a call.
 */
public final class EnclosingBlocks {
  private EnclosingBlocks() {}

  /** One block around the tree, and where in it the statement holding the tree stands. */
  public record Level(List<? extends StatementTree> statements, int index) {
    /** The statements before the one holding the tree, nearest first. */
    public List<StatementTree> before() {
      List<StatementTree> before = new ArrayList<>(statements.subList(0, index));
      Collections.reverse(before);
      return before;
    }

    /** The statements after the one holding the tree, in order. */
    public List<? extends StatementTree> after() {
      return statements.subList(index + 1, statements.size());
    }
  }

  /** The blocks around {@code path}'s leaf, innermost first, within its method or lambda. */
  public static List<Level> of(TreePath path) {
    List<Level> levels = new ArrayList<>();
    for (TreePath child = path, parent = path.getParentPath();
        parent != null && !isBoundary(parent.getLeaf());
        child = parent, parent = parent.getParentPath()) {
      if (parent.getLeaf() instanceof BlockTree block) {
        int index = block.getStatements().indexOf(child.getLeaf());
        if (index >= 0) {
          levels.add(new Level(block.getStatements(), index));
        }
      }
    }
    return levels;
  }

  /** Where a body's own code ends: a method, or a lambda or class ({@link Search#isOwnCode}). */
  public static boolean isBoundary(Tree tree) {
    return tree instanceof MethodTree || !Search.isOwnCode(tree);
  }
}
