package dev.heed.checker.discard;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import dev.heed.checker.trees.Search;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls whose result can become a variable's value: the call itself, or the calls each arm of a
 * conditional or switch expression yields ({@code var _ = ready ? send(a) : send(b);}).
 */
final class ResultCalls {
  private ResultCalls() {}

  static List<ExpressionTree> of(ExpressionTree value) {
    List<ExpressionTree> calls = new ArrayList<>();
    collect(value, calls);
    return calls;
  }

  private static void collect(ExpressionTree value, List<ExpressionTree> calls) {
    ExpressionTree tree = ASTHelpers.stripParentheses(value);
    if (tree instanceof MethodInvocationTree || tree instanceof NewClassTree) {
      calls.add(tree);
    } else if (tree instanceof ConditionalExpressionTree conditional) {
      collect(conditional.getTrueExpression(), calls);
      collect(conditional.getFalseExpression(), calls);
    } else if (tree instanceof SwitchExpressionTree switchExpression) {
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitCase(CaseTree caseTree, Void unused) {
          if (caseTree.getCaseKind() == CaseTree.CaseKind.RULE
              && caseTree.getBody() instanceof ExpressionTree body) {
            collect(body, calls); // case A -> f(); yields f()
            return null;
          }
          return super.visitCase(caseTree, null);
        }

        @Override
        public Void visitYield(YieldTree yield, Void unused) {
          collect(yield.getValue(), calls);
          return null;
        }

        // Yields inside a nested switch, lambda or class belong to it, not to this switch.
        @Override
        public Void scan(Tree tree, Void unused) {
          return tree instanceof SwitchExpressionTree || !Search.isOwnCode(tree)
              ? null
              : super.scan(tree, null);
        }
      }.scan(switchExpression.getCases(), null);
    }
  }
}
