package dev.heed.checker.trees;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code return} statements of a body's own code. A {@code return} is a statement, and no
 * expression can hold one that returns from the body (a lambda's or a class's returns are their
 * own, and a switch expression cannot return), so only statements are walked: the expressions, most
 * of a body's trees, are never visited.
 */
public final class Returns {
  private Returns() {}

  /** The returns in {@code body} (a method's block), in source order, with their paths. */
  public static List<TreePath> of(TreePath body) {
    List<TreePath> returns = new ArrayList<>();
    walk(body, returns);
    return returns;
  }

  private static void walk(TreePath path, List<TreePath> returns) {
    Tree leaf = path.getLeaf();
    if (leaf instanceof ReturnTree) {
      returns.add(path);
    } else if (leaf instanceof BlockTree block) {
      all(path, block.getStatements(), returns);
    } else if (leaf instanceof IfTree branch) {
      child(path, branch.getThenStatement(), returns);
      child(path, branch.getElseStatement(), returns);
    } else if (leaf instanceof ForLoopTree loop) {
      child(path, loop.getStatement(), returns);
    } else if (leaf instanceof EnhancedForLoopTree loop) {
      child(path, loop.getStatement(), returns);
    } else if (leaf instanceof WhileLoopTree loop) {
      child(path, loop.getStatement(), returns);
    } else if (leaf instanceof DoWhileLoopTree loop) {
      child(path, loop.getStatement(), returns);
    } else if (leaf instanceof LabeledStatementTree labeled) {
      child(path, labeled.getStatement(), returns);
    } else if (leaf instanceof SynchronizedTree synchronizedTree) {
      child(path, synchronizedTree.getBlock(), returns);
    } else if (leaf instanceof TryTree tryTree) {
      child(path, tryTree.getBlock(), returns);
      for (CatchTree handler : tryTree.getCatches()) {
        child(new TreePath(path, handler), handler.getBlock(), returns);
      }
      child(path, tryTree.getFinallyBlock(), returns);
    } else if (leaf instanceof SwitchTree switchTree) {
      for (CaseTree branch : switchTree.getCases()) {
        TreePath casePath = new TreePath(path, branch);
        if (branch.getCaseKind() == CaseTree.CaseKind.RULE) {
          child(casePath, branch.getBody(), returns); // a block, an expression or a throw
        } else {
          all(casePath, branch.getStatements(), returns);
        }
      }
    }
    // Any other statement (an expression, a declaration, a throw, a local class) holds none.
  }

  private static void all(
      TreePath parent, List<? extends StatementTree> statements, List<TreePath> returns) {
    for (StatementTree statement : statements) {
      walk(new TreePath(parent, statement), returns);
    }
  }

  private static void child(TreePath parent, @Nullable Tree child, List<TreePath> returns) {
    if (child != null) {
      walk(new TreePath(parent, child), returns);
    }
  }
}
