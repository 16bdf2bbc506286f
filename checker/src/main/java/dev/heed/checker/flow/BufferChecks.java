package dev.heed.checker.flow;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.heed.checker.trees.Search;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A condition that reads a written buffer checks the write: {@code long n = ch.write(srcs); if
 * (!Buffers.hasRemaining(srcs)) { ch.shutdownWrites(); }}. What the buffer still holds is what the
 * count would have told, so on either branch the write's count is no longer unchecked.
 */
final class BufferChecks {
  private BufferChecks() {}

  /** {@code pending} without the write counts whose buffer variables {@code condition} reads. */
  static Set<Signal> withoutCountsCheckedBy(ExpressionTree condition, Set<Signal> pending) {
    Set<Signal> left = null;
    for (Signal signal : pending) {
      if (signal.kind() == Signal.Kind.COUNT && readsAnArgument(condition, signal)) {
        if (left == null) {
          left = new LinkedHashSet<>(pending);
        }
        left.remove(signal);
      }
    }
    return left == null ? pending : left;
  }

  private static boolean readsAnArgument(Tree condition, Signal signal) {
    Set<Symbol> buffers = new LinkedHashSet<>();
    for (ExpressionTree argument : signal.write().getArguments()) {
      if (ASTHelpers.stripParentheses(argument) instanceof IdentifierTree identifier
          && ASTHelpers.getSymbol(identifier) instanceof VarSymbol variable) {
        buffers.add(variable);
      }
    }
    return !buffers.isEmpty()
        && Search.anyIn(
            condition,
            t -> t instanceof IdentifierTree id && buffers.contains(ASTHelpers.getSymbol(id)));
  }
}
