package dev.heed.checker.obligation;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.heed.checker.trees.Search;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Whether a method has already observed the failure of every future it returns. Each {@code return}
 * yields one of:
 *
 * <ul>
 *   <li>a stage whose callback visibly handles the failure: {@code return
 *       f.addListener(CLOSE_ON_FAILURE);}, {@code return f.whenComplete((v, e) -> log(e));} (a
 *       listener held in a field or variable, or one that ignores the failure, observes nothing);
 *   <li>a call to another method of which this holds (a wrapper of such a wrapper);
 *   <li>a local, never reassigned, whose initializer is such a stage, or on which the body called
 *       one before the {@code return} and on every path to it: {@code
 *       f.addListener(CLOSE_ON_FAILURE); return f;}.
 * </ul>
 *
 * A caller that drops such a result drops nothing: the method did what the caller would otherwise
 * have had to write. "On every path" is read strictly: the stage call sits in the method's own
 * blocks, outside any branch, loop, {@code try}, lambda or local class, so it runs before each
 * later {@code return}.
 */
final class ObservedReturns {
  private ObservedReturns() {}

  /** What the reading needs to know about the calls it meets. */
  interface Facts {
    /** A stage that hands its receiver's failure to a callback (catalogued or by shape). */
    boolean isFailureStage(MethodSymbol method);

    /** A method of this compilation that returns only futures it observed. */
    boolean returnsObserved(MethodSymbol method);

    /** A listener constant that handles the failure ({@code failure-listener}). */
    boolean isFailureListener(Symbol field);

    /** Whether {@code type} is a {@code Throwable}. */
    boolean isFailure(Type type);
  }

  /**
   * Whether each of {@code returned} (values of {@code body}'s returns) is observed, literals
   * aside, with at least one that is not a literal; {@code observes} says which calls observe the
   * failure.
   */
  static boolean all(List<TreePath> returned, TreePath body, Facts facts) {
    boolean any = false;
    for (TreePath value : returned) {
      if (value.getLeaf() instanceof LiteralTree) {
        continue; // `return null`: no future, and none hidden
      }
      if (!isObserved(value.getLeaf(), body, facts)) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static boolean isObserved(Tree value, TreePath body, Facts facts) {
    if (value instanceof MethodInvocationTree call) {
      return isObservingCall(call, facts);
    }
    if (!(value instanceof IdentifierTree identifier)
        || !(ASTHelpers.getSymbol(identifier) instanceof VarSymbol local)
        || local.getKind() != ElementKind.LOCAL_VARIABLE) {
      return false;
    }
    LocalScan scan = new LocalScan(local, ASTHelpers.getStartPosition(identifier), body, facts);
    scan.scan(body, null);
    return !scan.reassigned && scan.observed;
  }

  /**
   * A call to a method that returns only observed futures, or a failure stage whose callback
   * visibly handles the failure: a {@code failure-listener} constant, or a lambda that reads its
   * {@code Throwable} parameter or asks its future parameter for the {@code cause()}. A listener
   * held in a field or variable, or one that ignores the failure ({@code f -> { if (f.isSuccess())
   * count++; }}, {@code handle((v, unused) -> ...)}) observes nothing.
   */
  private static boolean isObservingCall(ExpressionTree tree, Facts facts) {
    if (!(ASTHelpers.stripParentheses(tree) instanceof MethodInvocationTree call)) {
      return false;
    }
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null) {
      return false;
    }
    if (facts.returnsObserved(method)) {
      return true;
    }
    return facts.isFailureStage(method)
        && call.getArguments().stream().anyMatch(argument -> handlesFailure(argument, facts));
  }

  private static boolean handlesFailure(ExpressionTree argument, Facts facts) {
    ExpressionTree tree = ASTHelpers.stripParentheses(argument);
    while (tree instanceof TypeCastTree cast) {
      tree = ASTHelpers.stripParentheses(cast.getExpression()); // (ChannelFutureListener) f -> ...
    }
    if (tree instanceof LambdaExpressionTree lambda) {
      return readsFailure(lambda, facts);
    }
    Symbol symbol = ASTHelpers.getSymbol(tree);
    return symbol instanceof VarSymbol && facts.isFailureListener(symbol);
  }

  /** Whether the lambda reads a {@code Throwable} parameter, or calls {@code cause()}. */
  private static boolean readsFailure(LambdaExpressionTree lambda, Facts facts) {
    Set<Symbol> failures = new HashSet<>();
    for (VariableTree parameter : lambda.getParameters()) {
      Symbol symbol = ASTHelpers.getSymbol(parameter);
      if (symbol != null && facts.isFailure(symbol.type)) {
        failures.add(symbol);
      }
    }
    return Search.anyIn(
        lambda.getBody(),
        tree ->
            switch (tree) {
              case IdentifierTree identifier -> failures.contains(ASTHelpers.getSymbol(identifier));
              case MethodInvocationTree call -> isCauseCall(ASTHelpers.getSymbol(call));
              default -> false;
            });
  }

  private static boolean isCauseCall(MethodSymbol invoked) {
    return invoked != null
        && invoked.getSimpleName().contentEquals("cause")
        && invoked.getParameters().isEmpty();
  }

  /** Finds assignments to one local, and the observing stage calls on it before one return. */
  private static final class LocalScan extends TreePathScanner<Void, Void> {
    private final VarSymbol local;
    private final int returnAt;
    private final TreePath body;
    private final Facts facts;
    boolean reassigned;
    boolean observed;

    LocalScan(VarSymbol local, int returnAt, TreePath body, Facts facts) {
      this.local = local;
      this.returnAt = returnAt;
      this.body = body;
      this.facts = facts;
    }

    @Override
    public Void visitVariable(VariableTree tree, Void unused) {
      if (local.equals(ASTHelpers.getSymbol(tree))
          && tree.getInitializer() != null
          && isObservingCall(tree.getInitializer(), facts)) {
        observed = true; // `ChannelFuture f = ch.write(m).addListener(LOG);`
      }
      return super.visitVariable(tree, null);
    }

    @Override
    public Void visitAssignment(AssignmentTree tree, Void unused) {
      if (local.equals(ASTHelpers.getSymbol(tree.getVariable()))) {
        reassigned = true;
      }
      return super.visitAssignment(tree, null);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
      ExpressionTree receiver = ASTHelpers.getReceiver(tree);
      if (receiver != null
          && local.equals(ASTHelpers.getSymbol(ASTHelpers.stripParentheses(receiver)))
          && ASTHelpers.getStartPosition(tree) < returnAt
          && isObservingCall(tree, facts)
          && isUnconditional(getCurrentPath())) {
        observed = true;
      }
      return super.visitMethodInvocation(tree, null);
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      // A lambda or class may run later, or never; and cannot assign the local.
      return Search.isOwnCode(tree) ? super.scan(tree, null) : null;
    }

    /** Whether the call at {@code path} runs whenever the method body runs past it. */
    private boolean isUnconditional(TreePath path) {
      for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
        if (p.getLeaf() == body.getLeaf()) {
          return true;
        }
        switch (p.getLeaf().getKind()) {
          case BLOCK,
              EXPRESSION_STATEMENT,
              METHOD_INVOCATION,
              MEMBER_SELECT,
              PARENTHESIZED,
              TYPE_CAST,
              VARIABLE -> {}
          default -> {
            return false; // a branch, loop, try, switch, `&&`, `?:`: it may not run
          }
        }
      }
      return false;
    }
  }
}
