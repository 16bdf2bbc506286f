package dev.heed.checker.discard;

import com.google.common.collect.ImmutableMap;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.code.Types.FunctionDescriptorLookupError;
import dev.heed.checker.obligation.Obligations;
import org.jspecify.annotations.Nullable;

/**
 * An async value returned from a function into a stage that only wraps it: {@code rows.map(r ->
 * repo.save(r))} is a publisher of publishers, none of which runs; {@code f.thenApply(x ->
 * sendAsync(x))} is a future of a future whose failure nobody sees. Decided by the types: the
 * stage's result is an async type whose element is the function's result, itself async. Silent when
 * the same expression flattens the nested value ({@code Flux.merge(rows.map(repo::save))}, {@code
 * .flatMap(m -> m)}, {@code thenCompose(identity())}): the flattening call's result is no longer
 * nested.
 */
final class NestedStages {
  /** The stage to use instead, by the name of the one that only wraps. */
  private static final ImmutableMap<String, String> FLATTENING =
      ImmutableMap.of(
          "map", "flatMap (or concatMap)",
          "thenApply", "thenCompose",
          "thenApplyAsync", "thenComposeAsync",
          "transform", "transformAsync");

  private static final String ANY_FLATTENING = "a stage that flattens (flatMap, thenCompose)";

  private NestedStages() {}

  /**
   * The stage that wraps the async value the function at {@code function} returns, if it does and
   * nothing in the same expression flattens it; {@code function} is a lambda or method reference.
   */
  static @Nullable MethodInvocationTree wrappingStage(
      TreePath function, VisitorState state, Obligations obligations) {
    TreePath argument = function;
    while (argument.getParentPath().getLeaf() instanceof ParenthesizedTree
        || argument.getParentPath().getLeaf() instanceof TypeCastTree) {
      argument = argument.getParentPath();
    }
    if (!(argument.getParentPath().getLeaf() instanceof MethodInvocationTree stage)
        || !stage.getArguments().contains(argument.getLeaf())) {
      return null;
    }
    // The function's own result first: most functions return no async value.
    Type returned = functionResult(function.getLeaf(), state);
    if (returned == null
        || !obligations.isAsync(returned, state)
        || !transformsAsyncInput(stage, state, obligations)) {
      return null;
    }
    Type result = ASTHelpers.getType(stage);
    if (result == null
        || !isNested(result, returned, state, obligations)
        || flattenedLater(argument.getParentPath(), state, obligations)) {
      return null;
    }
    return stage;
  }

  /**
   * A stage transforms an async value it is given: its receiver ({@code rows.map(f)}) or another
   * argument ({@code Futures.transform(future, f, executor)}). {@code executor.submit(task)} starts
   * work rather than transforming any.
   */
  private static boolean transformsAsyncInput(
      MethodInvocationTree stage, VisitorState state, Obligations obligations) {
    ExpressionTree receiver = ASTHelpers.getReceiver(stage);
    if (receiver != null && isAsyncValue(receiver, state, obligations)) {
      return true;
    }
    return stage.getArguments().stream().anyMatch(a -> isAsyncValue(a, state, obligations));
  }

  private static boolean isAsyncValue(
      ExpressionTree value, VisitorState state, Obligations obligations) {
    Type type = ASTHelpers.getType(value);
    return type != null && obligations.isAsync(type, state);
  }

  /** The advice: which stage flattens instead of {@code stage}. */
  static String remedy(MethodInvocationTree stage) {
    MethodSymbol method = ASTHelpers.getSymbol(stage);
    String name = method == null ? "" : method.getSimpleName().toString();
    return "Use "
        + FLATTENING.getOrDefault(name, ANY_FLATTENING)
        + " instead, so that it runs and"
        + " its failure reaches the chain";
  }

  /** The instantiated result type of a lambda's or method reference's functional method. */
  private static @Nullable Type functionResult(Tree function, VisitorState state) {
    if (function instanceof MemberReferenceTree reference) {
      MethodSymbol method = ASTHelpers.getSymbol(reference);
      if (method == null) {
        return null;
      }
      return method.isConstructor() ? method.owner.type : method.getReturnType();
    }
    if (function instanceof LambdaExpressionTree lambda
        && lambda.getBodyKind() == LambdaExpressionTree.BodyKind.EXPRESSION) {
      return ASTHelpers.getType(lambda.getBody());
    }
    Type type = ASTHelpers.getType(function);
    if (type == null) {
      return null;
    }
    try {
      return state.getTypes().findDescriptorType(type).getReturnType();
    } catch (FunctionDescriptorLookupError e) {
      return null;
    }
  }

  /** Whether {@code result} is async with {@code element} (or a supertype of it) as element. */
  private static boolean isNested(
      Type result, Type element, VisitorState state, Obligations obligations) {
    if (!obligations.isAsync(result, state)) {
      return false;
    }
    Types types = state.getTypes();
    for (Type argument : result.getTypeArguments()) {
      Type bound = argument.getUpperBound() == null ? argument : argument.getUpperBound();
      if (obligations.isAsync(argument, state)
          && (types.isSubtype(types.erasure(element), types.erasure(argument))
              || types.isSubtype(types.erasure(element), types.erasure(bound)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the same expression flattens the stage's nested result: a call on it whose result is
   * async and no longer nested ({@code .flatMap(m -> m)}), or a call it is handed to ({@code
   * Flux.merge(stage)}), or a return that hands it to the caller, whose declared type says it is
   * nested. A call on it that leaves async values behind ({@code .subscribe()}) flattens nothing.
   */
  private static boolean flattenedLater(
      TreePath stagePath, VisitorState state, Obligations obligations) {
    TreePath path = stagePath;
    while (true) {
      TreePath parent = path.getParentPath();
      Tree leaf = parent.getLeaf();
      if (leaf instanceof ParenthesizedTree || leaf instanceof TypeCastTree) {
        path = parent;
        continue;
      }
      if (leaf instanceof MethodInvocationTree call
          && call.getArguments().contains(path.getLeaf())) {
        return true; // Flux.merge(stage), or handed to a method that may flatten it
      }
      if (leaf instanceof ReturnTree || leaf instanceof LambdaExpressionTree) {
        return true; // handed to the caller, whose declared type says it is nested
      }
      if (!(leaf instanceof MemberSelectTree
          && parent.getParentPath().getLeaf() instanceof MethodInvocationTree next)) {
        return false; // returned, stored or dropped still nested
      }
      Type type = ASTHelpers.getType(next);
      if (type == null) {
        return true;
      }
      if (!obligations.isAsync(type, state)) {
        return false; // .subscribe(), .toString(): the nested values are left behind
      }
      if (!isNestedAsync(type, state, obligations)) {
        return true; // .flatMap(m -> m), .thenCompose(identity())
      }
      path = parent.getParentPath();
    }
  }

  private static boolean isNestedAsync(Type type, VisitorState state, Obligations obligations) {
    return obligations.isAsync(type, state)
        && type.getTypeArguments().stream().anyMatch(a -> obligations.isAsync(a, state));
  }

  /** The call or reference whose async result the function returns, for its obligation. */
  static @Nullable ExpressionTree returnedCall(Tree function) {
    if (function instanceof MemberReferenceTree reference) {
      return reference;
    }
    if (function instanceof LambdaExpressionTree lambda
        && lambda.getBodyKind() == LambdaExpressionTree.BodyKind.EXPRESSION
        && ASTHelpers.stripParentheses((ExpressionTree) lambda.getBody())
            instanceof MethodInvocationTree call) {
      return call;
    }
    return null;
  }
}
