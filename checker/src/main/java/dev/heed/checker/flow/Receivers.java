package dev.heed.checker.flow;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Which receiver a call writes to or closes, as a key the analysis compares: a local, a parameter,
 * a field of {@code this}, {@code this} itself, or a field of a local or parameter ({@code c.io}).
 * A {@code same-receiver} call stands for its own receiver ({@code ctx.channel()} is {@code ctx}'s
 * connection).
 *
 * <p>Keys are related by ownership: an object writes through the I/O objects it holds in its
 * fields, so a close of {@code c.io} (or of {@code this.io}) closes what a flush of {@code c} (of
 * {@code this}) writes into: hyper's {@code self.poll_flush(cx)} then {@code
 * self.io.poll_shutdown(cx)}.
 */
final class Receivers {
  /** Stands for {@code this} as a receiver. */
  static final Object THIS = new Object();

  /** The field {@code field} of the object {@code owner} stands for ({@code c.io}). */
  record FieldOf(Object owner, VarSymbol field) {}

  private final FlowVocabulary vocabulary;

  Receivers(FlowVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** The receiver a call writes to or closes: a local, parameter, field, or {@code this}. */
  @Nullable Object of(MethodInvocationTree call) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver == null) {
      MethodSymbol method = ASTHelpers.getSymbol(call);
      return method == null || method.isStatic() || method.isConstructor() ? null : THIS;
    }
    return key(receiver);
  }

  /** The receiver an expression names, as a key: a variable, a field path, or {@link #THIS}. */
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
      if (!(symbol instanceof VarSymbol field) || field.isStatic()) {
        return null;
      }
      Object owner = key(select.getExpression());
      if (THIS.equals(owner)) {
        return field; // this.f, Outer.this.f: a field of this, as the plain name f
      }
      return owner == null ? null : new FieldOf(owner, field);
    }
    if (tree instanceof MethodInvocationTree call
        && ASTHelpers.getSymbol(call) != null
        && ASTHelpers.getReceiver(call) != null
        && vocabulary.returnsSameReceiver(ASTHelpers.getSymbol(call))) {
      return key(ASTHelpers.getReceiver(call)); // ctx.channel() is ctx's connection
    }
    return null;
  }

  /**
   * Whether a close of {@code closed} closes what {@code written} writes through: the same key, or
   * a field of it, or a field of a field ({@code this.io}, {@code c.io}, {@code c.conn.io}).
   */
  static boolean closes(Object closed, Object written) {
    Object key = closed;
    for (int depth = 0; key != null && depth < 4; depth++) {
      if (key.equals(written)) {
        return true;
      }
      key = owner(key);
    }
    return false;
  }

  /** The object whose field {@code key} is, if it is one. */
  private static @Nullable Object owner(Object key) {
    if (key instanceof FieldOf field) {
      return field.owner();
    }
    if (key instanceof VarSymbol variable
        && variable.getKind() == ElementKind.FIELD
        && !variable.isStatic()
        && variable.owner instanceof ClassSymbol) {
      return THIS;
    }
    return null;
  }
}
