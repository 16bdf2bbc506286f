package dev.heed.checker.flow;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.heed.checker.catalogue.Category;
import dev.heed.checker.discard.Discards;
import dev.heed.checker.discard.LocalReads;
import dev.heed.checker.flow.Signal.Kind;
import dev.heed.checker.obligation.Obligation;
import dev.heed.checker.obligation.Obligations;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where completion signals come from and what consumes them: a write or flush whose result is
 * must-use leaves a signal pending unless it is awaited, checked or handed on; a callback of a
 * completion listener runs once the write completed.
 */
final class Signals {
  private final VisitorState state;
  private final Obligations obligations;
  private final FlowVocabulary vocabulary;
  private final Receivers receivers;

  Signals(
      VisitorState state, Obligations obligations, FlowVocabulary vocabulary, Receivers receivers) {
    this.state = state;
    this.obligations = obligations;
    this.vocabulary = vocabulary;
    this.receivers = receivers;
  }

  /** The completion signal {@code call} leaves pending on {@code receiver}, if any. */
  Optional<Signal> signal(MethodInvocationTree call, TreePath path, Object receiver) {
    String name = CompletionFlow.methodName(call);
    boolean writes = vocabulary.isWrite(name);
    boolean flushes = vocabulary.isFlush(name);
    if (!writes && !flushes) {
      return Optional.empty();
    }
    Optional<Obligation> obligation = obligations.of(call, path, state);
    if (obligation.isEmpty()) {
      return Optional.empty(); // nothing to await, or the buffer is drained
    }
    Kind kind;
    if (obligation.get().kind() == Obligation.Kind.ASYNC) {
      kind = Kind.FUTURE;
    } else if (obligation.get().category() == Category.PARTIAL_WRITE && writes) {
      kind = Kind.COUNT;
    } else if (obligation.get().category() == null && flushes) {
      kind = Kind.MUST_USE;
    } else {
      return Optional.empty();
    }
    // How is the signal consumed?
    TreePath consumer = path.getParentPath();
    while (consumer.getLeaf() instanceof ParenthesizedTree) {
      consumer = consumer.getParentPath();
    }
    Tree parent = consumer.getLeaf();
    if (parent instanceof ExpressionStatementTree) {
      return Optional.of(new Signal(receiver, call, kind, null)); // dropped
    }
    if (parent instanceof MemberSelectTree
        && consumer.getParentPath().getLeaf() instanceof MethodInvocationTree chained) {
      String next = CompletionFlow.methodName(chained);
      if (kind != Kind.FUTURE
          || vocabulary.isAwait(next)
          || (vocabulary.isListener(next) && vocabulary.closesAfter(chained))) {
        return Optional.empty(); // awaited, checked, or the close is ordered after it
      }
      return Optional.of(new Signal(receiver, call, kind, null)); // e.g. a failure listener
    }
    if (parent instanceof VariableTree variable) {
      VarSymbol local = ASTHelpers.getSymbol(variable);
      return LocalReads.isLocal(local)
          ? Optional.of(new Signal(receiver, call, kind, local))
          : Optional.empty(); // a field: stored for later
    }
    if (parent instanceof AssignmentTree assignment
        && ASTHelpers.getSymbol(assignment.getVariable()) instanceof VarSymbol local
        && LocalReads.isLocal(local)) {
      return Optional.of(new Signal(receiver, call, kind, local));
    }
    if (parent instanceof LambdaExpressionTree lambda && Discards.returnsVoid(lambda, state)) {
      return Optional.of(new Signal(receiver, call, kind, null)); // dropped by a void lambda
    }
    return Optional.empty(); // returned, passed or compared: used
  }

  /**
   * The receiver whose writes completed when the lambda at {@code lambdaPath} runs, if it is a
   * completion callback: an argument of {@code addListener}, {@code thenRun}, ... on a write's
   * future (directly, or through the local that holds it).
   */
  @Nullable Object completionCallbackOf(TreePath lambdaPath) {
    TreePath argument = lambdaPath.getParentPath();
    while (argument.getLeaf() instanceof TypeCastTree
        || argument.getLeaf() instanceof ParenthesizedTree) {
      argument = argument.getParentPath(); // (ChannelFutureListener) f -> ...
    }
    if (!(argument.getLeaf() instanceof MethodInvocationTree listener)
        || !vocabulary.isListener(CompletionFlow.methodName(listener))
        || ASTHelpers.getReceiver(listener) == null) {
      return null;
    }
    ExpressionTree future = ASTHelpers.getReceiver(listener);
    ExpressionTree source = ASTHelpers.stripParentheses(future);
    if (source instanceof MethodInvocationTree write) {
      return receivers.of(write);
    }
    Symbol holder = ASTHelpers.getSymbol(source);
    return holder; // the holder's signals are removed by the caller
  }
}
