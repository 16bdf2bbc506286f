package dev.heed.checker.flow;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import org.jspecify.annotations.Nullable;

/**
 * Which receiver a call writes to or closes, as a key the analysis compares: a local, a parameter,
 * a field of {@code this}, or {@code this} itself. A {@code same-receiver} call stands for its own
 * receiver ({@code ctx.channel()} is {@code ctx}'s connection).
 */
final class Receivers {
  /** Stands for {@code this} as a receiver. */
  static final Object THIS = new Object();

  private final FlowVocabulary vocabulary;

  Receivers(FlowVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** The receiver a call writes to or closes: a local, parameter, field, or {@code this}. */
  @Nullable Object of(MethodInvocationTree call) {
    return receiverKey(call);
  }

  private @Nullable Object receiverKey(MethodInvocationTree call) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver == null) {
      MethodSymbol method = ASTHelpers.getSymbol(call);
      return method == null || method.isStatic() || method.isConstructor() ? null : THIS;
    }
    return key(receiver);
  }

  /** The receiver an expression names, as a key: a variable, or {@link #THIS}. */
  @Nullable Object key(ExpressionTree expression) {
    ExpressionTree tree = ASTHelpers.stripParentheses(expression);
    if (tree instanceof IdentifierTree identifier) {
      if (identifier.getName().contentEquals("this")) {
        return THIS;
      }
      return ASTHelpers.getSymbol(identifier) instanceof VarSymbol variable ? variable : null;
    }
    if (tree instanceof MemberSelectTree select) {
      Symbol symbol = ASTHelpers.getSymbol(select);
      if (select.getIdentifier().contentEquals("this")) {
        return THIS;
      }
      ExpressionTree owner = ASTHelpers.stripParentheses(select.getExpression());
      boolean ownField =
          (owner instanceof IdentifierTree id && id.getName().contentEquals("this"))
              || (owner instanceof MemberSelectTree outer
                  && outer.getIdentifier().contentEquals("this"));
      return ownField && symbol instanceof VarSymbol field ? field : null;
    }
    if (tree instanceof MethodInvocationTree call
        && ASTHelpers.getSymbol(call) != null
        && ASTHelpers.getReceiver(call) != null
        && vocabulary.returnsSameReceiver(ASTHelpers.getSymbol(call))) {
      return key(ASTHelpers.getReceiver(call)); // ctx.channel() is ctx's connection
    }
    return null;
  }
}
