package dev.heed.checker.obligation;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.code.Types.FunctionDescriptorLookupError;
import dev.heed.checker.catalogue.Category;
import dev.heed.checker.trees.MethodPaths;
import dev.heed.checker.trees.Search;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * A task that cannot fail leaves no failure in its future: {@code executor.submit(() -> { try {
 * work(); } catch (Exception e) { log(e); } })}. The future of a task handed to an executor holds
 * only the task's own failure (a refused task throws at the call), so when the task's whole body is
 * one {@code try} with a catch-all clause ({@code Throwable} or {@code Exception}) and no catch or
 * finally block throws, a dropped future loses nothing.
 *
 * <p>Only for an eager result of a call that takes no async value: neither its receiver nor an
 * argument is async. {@code stage.thenRun(task)} and {@code Futures.transform(f, ...)} also carry
 * the upstream failure, and a lazy {@code Mono.fromRunnable(task)} dropped never runs. The task is
 * each lambda, method reference and created object among the arguments: a method reference by the
 * method's body, {@code new Task(...)} and {@code new Runnable() {...}} by the body of the method
 * that implements the task's function in the created class, a lambda by its own body or, when it
 * only calls a method with arguments that cannot throw, by that method's body. Only bodies compiled
 * now can be read: any other task stays reported.
 */
final class GuardedTaskExemption implements CallSiteExemption {
  private static final Set<String> CATCH_ALL = Set.of("java.lang.Throwable", "java.lang.Exception");

  private final Obligations obligations;
  private final MethodPaths paths;
  private final Map<MethodSymbol, Boolean> guardedMethods = new HashMap<>();

  GuardedTaskExemption(Obligations obligations, MethodPaths paths) {
    this.obligations = obligations;
    this.paths = paths;
  }

  @Override
  public boolean appliesTo(Verdict verdict) {
    return verdict.kind() == Obligation.Kind.ASYNC && !verdict.ofMethod();
  }

  @Override
  public boolean excuses(CallSite site) {
    if (!(site.call() instanceof MethodInvocationTree invocation)) {
      return false;
    }
    VisitorState state = site.state();
    Type result = ASTHelpers.getType(invocation);
    if (result == null || obligations.isLazy(result, state)) {
      return false;
    }
    if (!site.method().isStatic()) {
      Type receiver = site.receiverType();
      if (receiver == null || obligations.isAsync(receiver, state)) {
        return false;
      }
    }
    List<VarSymbol> parameters = site.method().getParameters();
    List<? extends ExpressionTree> arguments = invocation.getArguments();
    boolean anyTask = false;
    for (int i = 0; i < arguments.size(); i++) {
      Type type = ASTHelpers.getType(arguments.get(i));
      if (type == null || obligations.isAsync(type, state)) {
        return false;
      }
      ExpressionTree task = ASTHelpers.stripParentheses(arguments.get(i));
      if (isTask(task)) {
        Type parameter = parameters.get(Math.min(i, parameters.size() - 1)).type;
        if (!isGuardedTask(task, parameter, site)) {
          return false;
        }
        anyTask = true;
      }
    }
    return anyTask;
  }

  private static boolean isTask(ExpressionTree argument) {
    return argument instanceof LambdaExpressionTree
        || argument instanceof MemberReferenceTree
        || argument instanceof NewClassTree;
  }

  private boolean isGuardedTask(ExpressionTree task, Type parameter, CallSite site) {
    VisitorState state = site.state();
    if (task instanceof LambdaExpressionTree lambda) {
      return isGuardedBody(lambda.getBody(), site);
    }
    if (task instanceof MemberReferenceTree reference) {
      MethodSymbol method = methodOf(reference);
      return reference.getMode() == MemberReferenceTree.ReferenceMode.INVOKE
          && method != null
          && isGuardedMethod(method, state);
    }
    // new Task(...) or new Runnable() {...}: the created class is known exactly, and so is the
    // method that implements the task's function.
    Types types = state.getTypes();
    Type created = ASTHelpers.getType(task);
    if (created == null
        || !(created.tsym instanceof ClassSymbol createdClass)
        || parameter.getKind() != TypeKind.DECLARED
        || !types.isFunctionalInterface(parameter)) {
      return false;
    }
    try {
      Symbol function = types.findDescriptorSymbol(parameter.tsym);
      if (!(function instanceof MethodSymbol functional)) {
        return false;
      }
      MethodSymbol run = functional.implementation(createdClass, types, true);
      return run != null && isGuardedMethod(run, state);
    } catch (CompletionFailure | FunctionDescriptorLookupError e) {
      return false; // a missing class file, or a type javac itself rejects
    }
  }

  /**
   * A lambda's body: one guarded {@code try}, or one call of a guarded or quietly completing
   * method.
   */
  private boolean isGuardedBody(Tree body, CallSite site) {
    if (body instanceof BlockTree block) {
      if (block.getStatements().size() != 1) {
        return false;
      }
      StatementTree only = block.getStatements().get(0);
      return isGuardedTry(only)
          || (only instanceof ExpressionStatementTree statement
              && isCallOfGuardedMethod(statement.getExpression(), site));
    }
    return body instanceof ExpressionTree expression && isCallOfGuardedMethod(expression, site);
  }

  /**
   * A call, with arguments that cannot throw, of a method that completes a future quietly or of a
   * method whose body is guarded.
   */
  private boolean isCallOfGuardedMethod(ExpressionTree expression, CallSite site) {
    if (!(expression instanceof MethodInvocationTree call)
        || !call.getArguments().stream().allMatch(GuardedTaskExemption::cannotThrow)
        || !(ASTHelpers.getReceiver(call) == null || cannotThrow(ASTHelpers.getReceiver(call)))) {
      return false;
    }
    MethodSymbol method = methodOf(call);
    if (method == null) {
      return false;
    }
    return site.catalogue().names(Category.COMPLETES_QUIETLY, method, site.types())
        || isGuardedMethod(method, site.state());
  }

  private static @Nullable MethodSymbol methodOf(ExpressionTree call) {
    return ASTHelpers.getSymbol((Tree) call) instanceof MethodSymbol method ? method : null;
  }

  /** A name or literal: evaluating it cannot throw. */
  private static boolean cannotThrow(ExpressionTree expression) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(expression);
    return stripped instanceof IdentifierTree || stripped instanceof LiteralTree;
  }

  /** A method compiled now whose body is one guarded {@code try}. */
  private boolean isGuardedMethod(MethodSymbol method, VisitorState state) {
    return guardedMethods.computeIfAbsent(
        method,
        m -> {
          TreePath path = paths.of(m, state);
          return path != null
              && path.getLeaf() instanceof MethodTree declaration
              && declaration.getBody() != null
              && declaration.getBody().getStatements().size() == 1
              && isGuardedTry(declaration.getBody().getStatements().get(0));
        });
  }

  /** A {@code try} with a catch-all clause, whose catch and finally blocks throw nothing. */
  private static boolean isGuardedTry(StatementTree statement) {
    if (!(statement instanceof TryTree attempt)) {
      return false;
    }
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
      return union.getTypeAlternatives().stream().anyMatch(GuardedTaskExemption::catchesAll);
    }
    Symbol symbol = ASTHelpers.getSymbol(caught);
    return symbol != null && CATCH_ALL.contains(symbol.getQualifiedName().toString());
  }

  /** Whether {@code block} has a {@code throw} of its own (not one in a nested lambda or class). */
  private static boolean throwsIn(BlockTree block) {
    return Search.anyInOwnCode(block, ThrowTree.class::isInstance);
  }
}
