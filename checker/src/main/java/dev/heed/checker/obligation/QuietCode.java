package dev.heed.checker.obligation;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssertTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.EmptyStatementTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.heed.checker.catalogue.Catalogue;
import dev.heed.checker.catalogue.Category;
import dev.heed.checker.trees.MethodPaths;
import dev.heed.checker.trees.Search;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Code that lets no exception escape, read from its tree: what a task may run without leaving a
 * failure in the future an executor returns for it.
 *
 * <p>A statement is quiet when it is a {@code try} with a catch-all clause ({@code Throwable} or
 * {@code Exception}) whose catch and finally blocks throw nothing, or when everything it evaluates
 * is quiet: names, literals, field reads, field and local stores without unboxing, arithmetic
 * without division, comparisons, {@code if}, {@code return}, {@code synchronized} and {@code
 * assert} (assertions are off in production), and calls, with quiet receiver and arguments, of a
 * {@code completes-quietly} method or of a method compiled now whose whole body is quiet (read at
 * most {@value #MAX_DEPTH} calls deep). Anything else (a loop, a {@code new}, a call into a binary
 * dependency, a {@code throw}) may throw.
 */
final class QuietCode {
  private static final Set<String> CATCH_ALL = Set.of("java.lang.Throwable", "java.lang.Exception");
  private static final int MAX_DEPTH = 3;

  private final MethodPaths paths;
  private final Map<MethodSymbol, Boolean> quietMethods = new HashMap<>();

  /** Quiet methods that also do some work: read once per task method, not once per call. */
  private final Map<MethodSymbol, Boolean> quietTasks = new HashMap<>();

  private int depth;

  QuietCode(MethodPaths paths) {
    this.paths = paths;
  }

  /**
   * A task given as a lambda that does some work (a call, a store, a {@code try}) and lets no
   * exception escape. A task that does nothing ({@code () -> {}}, {@code () -> 1}) is a stand-in
   * for work still to be written (tests, examples, sketches), and is not read as one that cannot
   * fail.
   */
  boolean isQuietTask(LambdaExpressionTree lambda, VisitorState state, Catalogue catalogue) {
    Tree body = lambda.getBody();
    return doesWork(body)
        && (body instanceof BlockTree block
            ? isQuiet(block.getStatements(), state, catalogue)
            : body instanceof ExpressionTree expression && isQuiet(expression, state, catalogue));
  }

  /** A task given as a method (a reference, or its class's implementation): as above. */
  boolean isQuietTask(MethodSymbol method, VisitorState state, Catalogue catalogue) {
    Boolean known = quietTasks.get(method);
    if (known == null) {
      known = isQuietMethod(method, state, catalogue) && doesWork(paths.of(method, state));
      quietTasks.put(method, known);
    }
    return known;
  }

  private static boolean doesWork(@Nullable TreePath code) {
    return code != null && doesWork(code.getLeaf());
  }

  private static boolean doesWork(Tree code) {
    return Search.anyInOwnCode(
        code,
        t ->
            t instanceof MethodInvocationTree
                || t instanceof AssignmentTree
                || t instanceof CompoundAssignmentTree
                || t instanceof TryTree
                || (t instanceof UnaryTree unary && isIncrementOrDecrement(unary.getKind())));
  }

  private static boolean isIncrementOrDecrement(Tree.Kind kind) {
    return switch (kind) {
      case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
      default -> false;
    };
  }

  /** A method compiled now whose whole body is quiet. */
  private boolean isQuietMethod(MethodSymbol method, VisitorState state, Catalogue catalogue) {
    Boolean known = quietMethods.get(method);
    if (known != null) {
      return known;
    }
    if (depth >= MAX_DEPTH) {
      return false;
    }
    quietMethods.put(method, false); // a recursive call is not known to be quiet
    depth++;
    try {
      TreePath path = paths.of(method, state);
      boolean quiet =
          path != null
              && path.getLeaf() instanceof MethodTree declaration
              && declaration.getBody() != null
              && isQuiet(declaration.getBody().getStatements(), state, catalogue);
      quietMethods.put(method, quiet);
      return quiet;
    } finally {
      depth--;
    }
  }

  private boolean isQuiet(
      List<? extends StatementTree> statements, VisitorState state, Catalogue catalogue) {
    for (StatementTree statement : statements) {
      if (!isQuiet(statement, state, catalogue)) {
        return false;
      }
    }
    return true;
  }

  private boolean isQuiet(StatementTree statement, VisitorState state, Catalogue catalogue) {
    if (statement instanceof TryTree attempt) {
      return isGuardedTry(attempt)
          || (attempt.getResources().isEmpty()
              && isQuiet(attempt.getBlock().getStatements(), state, catalogue)
              && attempt.getCatches().stream().allMatch(c -> !throwsIn(c.getBlock()))
              && (attempt.getFinallyBlock() == null
                  || isQuiet(attempt.getFinallyBlock().getStatements(), state, catalogue)));
    }
    if (statement instanceof BlockTree block) {
      return isQuiet(block.getStatements(), state, catalogue);
    }
    if (statement instanceof ExpressionStatementTree expression) {
      return isQuiet(expression.getExpression(), state, catalogue);
    }
    if (statement instanceof VariableTree variable) {
      return variable.getInitializer() == null
          || isStore(variable, variable.getInitializer(), state, catalogue);
    }
    if (statement instanceof IfTree branch) {
      return isQuiet(branch.getCondition(), state, catalogue)
          && isQuiet(branch.getThenStatement(), state, catalogue)
          && (branch.getElseStatement() == null
              || isQuiet(branch.getElseStatement(), state, catalogue));
    }
    if (statement instanceof ReturnTree ret) {
      return ret.getExpression() == null || isQuiet(ret.getExpression(), state, catalogue);
    }
    if (statement instanceof SynchronizedTree sync) {
      return isQuiet(sync.getExpression(), state, catalogue)
          && isQuiet(sync.getBlock().getStatements(), state, catalogue);
    }
    return statement instanceof AssertTree
        || statement instanceof EmptyStatementTree
        || statement instanceof BreakTree
        || statement instanceof ContinueTree;
  }

  private boolean isQuiet(ExpressionTree tree, VisitorState state, Catalogue catalogue) {
    ExpressionTree expression = ASTHelpers.stripParentheses(tree);
    if (expression instanceof IdentifierTree || expression instanceof LiteralTree) {
      return true;
    }
    if (expression instanceof MemberSelectTree select) {
      // A field or this, read from a quiet qualifier or a type.
      Symbol symbol = ASTHelpers.getSymbol(select);
      return (symbol instanceof VarSymbol || select.getIdentifier().contentEquals("this"))
          && (ASTHelpers.getSymbol(select.getExpression()) instanceof Symbol.TypeSymbol
              || isQuiet(select.getExpression(), state, catalogue));
    }
    if (expression instanceof AssignmentTree assignment) {
      return isQuiet(assignment.getVariable(), state, catalogue)
          && isStore(assignment.getVariable(), assignment.getExpression(), state, catalogue);
    }
    if (expression instanceof CompoundAssignmentTree compound) {
      return isArithmetic(compound.getKind(), compound.getVariable(), compound.getExpression())
          && isQuiet(compound.getVariable(), state, catalogue)
          && isQuiet(compound.getExpression(), state, catalogue);
    }
    if (expression instanceof UnaryTree unary) {
      return isPrimitive(unary.getExpression()) && isQuiet(unary.getExpression(), state, catalogue);
    }
    if (expression instanceof BinaryTree binary) {
      return isArithmetic(binary.getKind(), binary.getLeftOperand(), binary.getRightOperand())
          && isQuiet(binary.getLeftOperand(), state, catalogue)
          && isQuiet(binary.getRightOperand(), state, catalogue);
    }
    if (expression instanceof ConditionalExpressionTree conditional) {
      return isPrimitive(conditional.getCondition())
          && isQuiet(conditional.getCondition(), state, catalogue)
          && isQuiet(conditional.getTrueExpression(), state, catalogue)
          && isQuiet(conditional.getFalseExpression(), state, catalogue);
    }
    if (expression instanceof InstanceOfTree test) {
      return isQuiet(test.getExpression(), state, catalogue);
    }
    if (expression instanceof LambdaExpressionTree) {
      return true; // creating it runs none of its body
    }
    return expression instanceof MethodInvocationTree call && isQuietCall(call, state, catalogue);
  }

  private boolean isQuietCall(MethodInvocationTree call, VisitorState state, Catalogue catalogue) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver != null
        && !(ASTHelpers.getSymbol(receiver) instanceof Symbol.TypeSymbol)
        && !isQuiet(receiver, state, catalogue)) {
      return false;
    }
    for (ExpressionTree argument : call.getArguments()) {
      if (!isQuiet(argument, state, catalogue)) {
        return false;
      }
    }
    MethodSymbol method = ASTHelpers.getSymbol(call);
    return method != null
        && (catalogue.names(Category.COMPLETES_QUIETLY, method, state.getTypes())
            || isQuietMethod(method, state, catalogue));
  }

  /** Storing {@code value} into {@code target}: no unboxing of a possibly null box. */
  private boolean isStore(Tree target, ExpressionTree value, VisitorState state, Catalogue c) {
    Type targetType = ASTHelpers.getType(target);
    Type valueType = ASTHelpers.getType(value);
    return targetType != null
        && valueType != null
        && (!targetType.isPrimitive() || valueType.isPrimitive())
        && isQuiet(value, state, c);
  }

  /**
   * An operator that cannot throw on these operands: no integer division (by zero), and no
   * unboxing; {@code ==} and {@code !=} of two references compare identities.
   */
  private static boolean isArithmetic(Tree.Kind kind, ExpressionTree left, ExpressionTree right) {
    return switch (kind) {
      case DIVIDE, REMAINDER, DIVIDE_ASSIGNMENT, REMAINDER_ASSIGNMENT -> false;
      case EQUAL_TO, NOT_EQUAL_TO -> isPrimitive(left) == isPrimitive(right);
      default -> isPrimitive(left) && isPrimitive(right);
    };
  }

  private static boolean isPrimitive(ExpressionTree expression) {
    Type type = ASTHelpers.getType(expression);
    return type != null && type.isPrimitive();
  }

  /** A {@code try} with a catch-all clause, whose catch and finally blocks throw nothing. */
  static boolean isGuardedTry(TryTree attempt) {
    boolean catchesAll = false;
    for (CatchTree clause : attempt.getCatches()) {
      catchesAll |= catchesAll(clause.getParameter().getType());
      if (throwsIn(clause.getBlock())) {
        return false;
      }
    }
    return catchesAll
        && (attempt.getFinallyBlock() == null || !throwsIn(attempt.getFinallyBlock()));
  }

  private static boolean catchesAll(Tree caught) {
    if (caught instanceof UnionTypeTree union) {
      return union.getTypeAlternatives().stream().anyMatch(QuietCode::catchesAll);
    }
    Symbol symbol = ASTHelpers.getSymbol(caught);
    return symbol != null && CATCH_ALL.contains(symbol.getQualifiedName().toString());
  }

  /** Whether {@code block} has a {@code throw} of its own (not one in a nested lambda or class). */
  private static boolean throwsIn(BlockTree block) {
    return Search.anyInOwnCode(block, ThrowTree.class::isInstance);
  }
}
