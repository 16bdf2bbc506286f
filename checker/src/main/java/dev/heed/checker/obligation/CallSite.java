package dev.heed.checker.obligation;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.heed.checker.catalogue.Catalogue;
import org.jspecify.annotations.Nullable;

/**
 * One call whose result the method owes, where it stands.
 *
 * @param call a method invocation, constructor call or method reference
 * @param path the call's path (its leaf is {@code call})
 * @param state the compilation's state, for types; its own path is not the call's
 */
record CallSite(
    ExpressionTree call,
    MethodSymbol method,
    Verdict verdict,
    TreePath path,
    VisitorState state,
    Catalogue catalogue) {

  Types types() {
    return state.getTypes();
  }

  /** The static type of the call's receiver, explicit or implicit ({@code this}). */
  @Nullable Type receiverType() {
    return receiverType(call);
  }

  static @Nullable Type receiverType(ExpressionTree call) {
    if (call instanceof MemberReferenceTree reference) {
      return ASTHelpers.getType(reference.getQualifierExpression());
    }
    if (call instanceof MethodInvocationTree) {
      Type type = ASTHelpers.getReceiverType(call);
      return type == null || type.isErroneous() ? null : type;
    }
    return null;
  }

  /** The variable (or other symbol) the receiver expression names, if it names one. */
  @Nullable Symbol receiverSymbol() {
    return receiverSymbol(call);
  }

  static @Nullable Symbol receiverSymbol(ExpressionTree call) {
    ExpressionTree receiver =
        call instanceof MemberReferenceTree reference
            ? reference.getQualifierExpression()
            : ASTHelpers.getReceiver(call);
    return receiver == null ? null : ASTHelpers.getSymbol(ASTHelpers.stripParentheses(receiver));
  }
}
