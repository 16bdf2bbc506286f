package dev.heed.checker.flow;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import dev.heed.checker.flow.Signal.Kind;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

/** Walks an expression in evaluation order, updating the pending signals. */
final class ExpressionFlow extends TreePathScanner<Void, Void> {
  private final CompletionFlow flow;
  Set<Signal> current;

  ExpressionFlow(CompletionFlow flow, Set<Signal> in) {
    this.flow = flow;
    this.current = new LinkedHashSet<>(in);
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
    super.visitMethodInvocation(call, null); // receiver and arguments first
    TreePath path = getCurrentPath();
    String name = CompletionFlow.methodName(call);
    Object receiver = flow.receivers.of(call);
    if (receiver != null && flow.vocabulary.isClose(name)) {
      close(call, path, receiver);
    }
    ExpressionTree target = ASTHelpers.getReceiver(call);
    if (target != null) {
      Symbol holder = ASTHelpers.getSymbol(ASTHelpers.stripParentheses(target));
      if (holder != null && holds(holder)) {
        if (flow.vocabulary.isAwait(name)
            || (flow.vocabulary.isListener(name) && flow.vocabulary.closesAfter(call))) {
          clear(s -> holder.equals(s.holder()));
        } else if (current.stream()
            .anyMatch(s -> holder.equals(s.holder()) && s.kind() != Kind.FUTURE)) {
          clear(s -> holder.equals(s.holder())); // a count or poll result that is looked at
        }
      }
    }
    if (receiver != null) {
      flow.buffers.called(current, receiver, name);
      flow.signals.signal(call, path, receiver).ifPresent(current::add);
      flow.buffers.signal(call, receiver, current).ifPresent(current::add);
    }
    return null;
  }

  @Override
  public Void visitIdentifier(IdentifierTree identifier, Void unused) {
    Symbol symbol = ASTHelpers.getSymbol(identifier);
    handedOn(identifier);
    if (symbol != null && holds(symbol)) {
      Tree parent = getCurrentPath().getParentPath().getLeaf();
      if (!(parent instanceof MemberSelectTree)) {
        // Returned, passed, stored or compared: someone else has it now, or it was checked.
        clear(s -> symbol.equals(s.holder()));
      }
    }
    return null;
  }

  @Override
  public Void visitMemberSelect(MemberSelectTree select, Void unused) {
    super.visitMemberSelect(select, null);
    handedOn(select);
    return null;
  }

  /** A wrapper passed, returned or stored rather than called: it may be flushed elsewhere. */
  private void handedOn(ExpressionTree tree) {
    if (current.isEmpty()
        || getCurrentPath().getParentPath().getLeaf() instanceof MemberSelectTree) {
      return;
    }
    Object key = flow.receivers.key(tree);
    if (key != null) {
      Buffers.escaped(current, key);
    }
  }

  @Override
  public Void visitAssignment(AssignmentTree assignment, Void unused) {
    if (ASTHelpers.stripParentheses(assignment.getVariable()) instanceof IdentifierTree) {
      scan(assignment.getExpression(), null);
      return null; // storing into a variable is not reading it
    }
    return super.visitAssignment(assignment, null);
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
    super.visitMemberReference(reference, null);
    Object receiver = flow.receivers.key(reference.getQualifierExpression());
    if (receiver != null && flow.vocabulary.isClose(reference.getName().toString())) {
      // ch::close handed to something that runs it later, whenever: it can race the write.
      report(reference, getCurrentPath(), receiver);
    }
    return null;
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
    Set<Signal> inside = new LinkedHashSet<>(current);
    Object completed = flow.signals.completionCallbackOf(getCurrentPath());
    if (completed != null) {
      // Runs once the write completed: the receiver's earlier writes completed too.
      Set<Object> receivers = new HashSet<>();
      receivers.add(completed);
      current.stream()
          .filter(s -> completed.equals(s.holder()))
          .forEach(s -> receivers.add(s.receiver()));
      inside.removeIf(s -> receivers.contains(s.receiver()));
    }
    flow.body(new TreePath(getCurrentPath(), lambda.getBody()), inside);
    return null; // runs later: its effects do not flow into this path
  }

  @Override
  public Void visitClass(ClassTree tree, Void unused) {
    return null; // its methods are analyzed on their own
  }

  @Override
  public Void visitConditionalExpression(ConditionalExpressionTree tree, Void unused) {
    scan(tree.getCondition(), null);
    Set<Signal> before = current;
    current = new LinkedHashSet<>(before);
    scan(tree.getTrueExpression(), null);
    Set<Signal> then = current;
    current = new LinkedHashSet<>(before);
    scan(tree.getFalseExpression(), null);
    current = CompletionFlow.union(then, current);
    return null;
  }

  @Override
  public Void visitBinary(BinaryTree tree, Void unused) {
    if (tree.getKind() != Tree.Kind.CONDITIONAL_AND && tree.getKind() != Tree.Kind.CONDITIONAL_OR) {
      return super.visitBinary(tree, null);
    }
    scan(tree.getLeftOperand(), null);
    Set<Signal> shortCircuit = new LinkedHashSet<>(current);
    scan(tree.getRightOperand(), null);
    current = CompletionFlow.union(shortCircuit, current);
    return null;
  }

  @Override
  public Void visitSwitchExpression(SwitchExpressionTree tree, Void unused) {
    scan(tree.getExpression(), null);
    current = flow.cases(getCurrentPath(), tree.getCases(), current);
    return null;
  }

  private void close(MethodInvocationTree call, TreePath path, Object receiver) {
    report(call, path, receiver);
    clear(s -> Buffers.races(s, receiver)); // one report per race
  }

  /** {@code close} is a close call or a close method reference on {@code receiver}. */
  private void report(Tree close, TreePath path, Object receiver) {
    current.stream()
        .filter(s -> Buffers.races(s, receiver))
        .findFirst()
        .ifPresent(s -> flow.races.putIfAbsent(close, new Race(close, path, s)));
  }

  private boolean holds(Symbol symbol) {
    return current.stream().anyMatch(s -> symbol.equals(s.holder()));
  }

  private void clear(Predicate<Signal> which) {
    current.removeIf(which);
  }

  /**
   * Whether {@code statement} is one call whose receiver and arguments cannot throw (variables,
   * {@code this.f}, literals): an exception from it comes from the call, once it was attempted.
   */
  static boolean throwsOnlyInCall(StatementTree statement) {
    if (!(statement instanceof ExpressionStatementTree expression)
        || !(expression.getExpression() instanceof MethodInvocationTree call)) {
      return false;
    }
    if (call.getMethodSelect() instanceof MemberSelectTree select
        && !cannotThrow(select.getExpression())) {
      return false;
    }
    for (ExpressionTree argument : call.getArguments()) {
      if (!cannotThrow(argument)) {
        return false;
      }
    }
    return true;
  }

  private static boolean cannotThrow(ExpressionTree tree) {
    return tree instanceof IdentifierTree
        || tree instanceof LiteralTree
        || (tree instanceof MemberSelectTree select
            && select.getExpression() instanceof IdentifierTree self
            && self.getName().contentEquals("this"));
  }
}
