package dev.heed.checker.obligation;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.code.Types.FunctionDescriptorLookupError;
import dev.heed.checker.trees.MethodPaths;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;

/**
 * A task that cannot fail leaves no failure in its future: {@code executor.submit(() -> { try {
 * work(); } catch (Exception e) { log(e); } })}. The future of a task handed to an executor holds
 * only the task's own failure (a refused task throws at the call), so when the task's code is quiet
 * ({@link QuietCode}: a guarded {@code try}, field stores, quietly completing calls), a dropped
 * future loses nothing.
 *
 * <p>Only for an eager result of a call that takes no async value: neither its receiver nor an
 * argument is async. {@code stage.thenRun(task)} and {@code Futures.transform(f, ...)} also carry
 * the upstream failure, and a lazy {@code Mono.fromRunnable(task)} dropped never runs. The task is
 * each lambda, method reference and object among the arguments (for a method reference such as
 * {@code tasks.forEach(executor::submit)}, each value the reference is applied to): a lambda by its
 * body, a method reference by the method's body, and an object by the body of the method that
 * implements the task's function in its class: the created class of {@code new Task(...)} and
 * {@code new Runnable() {...}}, or the static type of any other value when that class is not an
 * interface and no class outside its package can override the method (final or not public). Only
 * bodies compiled now can be read: any other task stays reported.
 */
final class GuardedTaskExemption implements CallSiteExemption {
  private final Obligations obligations;
  private final QuietCode quiet;

  GuardedTaskExemption(Obligations obligations, MethodPaths paths) {
    this.obligations = obligations;
    this.quiet = new QuietCode(paths);
  }

  @Override
  public boolean appliesTo(Verdict verdict) {
    return verdict.kind() == Obligation.Kind.ASYNC && !verdict.ofMethod();
  }

  @Override
  public boolean excuses(CallSite site) {
    Type result =
        site.call() instanceof MethodInvocationTree
            ? ASTHelpers.getType(site.call())
            : site.method().getReturnType();
    if (!obligations.startsEagerWork(site, result)) {
      return false;
    }
    if (site.call() instanceof MethodInvocationTree invocation) {
      return allTasksQuiet(invocation, site);
    }
    return site.call() instanceof MemberReferenceTree reference
        && allAppliedValuesQuiet(reference, site);
  }

  private boolean allTasksQuiet(MethodInvocationTree invocation, CallSite site) {
    VisitorState state = site.state();
    List<VarSymbol> parameters = site.method().getParameters();
    List<? extends ExpressionTree> arguments = invocation.getArguments();
    boolean anyTask = false;
    for (int i = 0; i < arguments.size(); i++) {
      Type type = ASTHelpers.getType(arguments.get(i));
      if (type == null || obligations.isAsync(type, state)) {
        return false;
      }
      if (parameters.isEmpty()) {
        continue;
      }
      Type parameter = parameters.get(Math.min(i, parameters.size() - 1)).type;
      if (!isFunctional(parameter, site.types())) {
        continue;
      }
      ExpressionTree task = ASTHelpers.stripParentheses(arguments.get(i));
      if (!isWritten(task) && (type.tsym.isInterface() || type.isErroneous())) {
        continue; // an executor, or a task whose code is not known here
      }
      if (!isQuietTask(task, type, parameter, site)) {
        return false;
      }
      anyTask = true;
    }
    return anyTask;
  }

  /**
   * {@code values.forEach(executor::submit)}: the tasks are the values the reference is applied to,
   * known by their static type.
   */
  private boolean allAppliedValuesQuiet(MemberReferenceTree reference, CallSite site) {
    if (reference.getMode() != MemberReferenceTree.ReferenceMode.INVOKE
        || ASTHelpers.getSymbol(reference.getQualifierExpression()) instanceof TypeSymbol) {
      return false; // Type::method takes its receiver as the first value
    }
    Types types = site.types();
    Type function = ASTHelpers.getType(reference);
    List<VarSymbol> parameters = site.method().getParameters();
    try {
      if (function == null || !types.isFunctionalInterface(function)) {
        return false;
      }
      List<Type> applied = types.findDescriptorType(function).getParameterTypes();
      boolean anyTask = false;
      for (int i = 0; i < applied.size() && !parameters.isEmpty(); i++) {
        Type value = applied.get(i);
        if (obligations.isAsync(value, site.state())) {
          return false;
        }
        Type parameter = parameters.get(Math.min(i, parameters.size() - 1)).type;
        if (isFunctional(parameter, types)) {
          if (!isQuietObject(value, parameter, site)) {
            return false;
          }
          anyTask = true;
        }
      }
      return anyTask;
    } catch (CompletionFailure | FunctionDescriptorLookupError e) {
      return false; // a missing class file, or a type javac itself rejects
    }
  }

  /** A task written at the call: its code is known. */
  private static boolean isWritten(ExpressionTree argument) {
    return argument instanceof LambdaExpressionTree
        || argument instanceof MemberReferenceTree
        || argument instanceof NewClassTree;
  }

  private static boolean isFunctional(Type parameter, Types types) {
    try {
      return parameter.getKind() == TypeKind.DECLARED && types.isFunctionalInterface(parameter);
    } catch (CompletionFailure e) {
      return false;
    }
  }

  private boolean isQuietTask(ExpressionTree task, Type type, Type parameter, CallSite site) {
    VisitorState state = site.state();
    if (task instanceof LambdaExpressionTree lambda) {
      return quiet.isQuietTask(lambda, state, site.catalogue());
    }
    if (task instanceof MemberReferenceTree reference) {
      MethodSymbol method = ASTHelpers.getSymbol(reference);
      return reference.getMode() == MemberReferenceTree.ReferenceMode.INVOKE
          && method != null
          && quiet.isQuietTask(method, state, site.catalogue());
    }
    if (task instanceof NewClassTree) {
      // The created class is known exactly.
      return type.tsym instanceof ClassSymbol created
          && implementsQuietly(created, parameter, site);
    }
    return isQuietObject(type, parameter, site);
  }

  /** A value known only by its static type: a class whose implementation nobody else overrides. */
  private boolean isQuietObject(Type type, Type parameter, CallSite site) {
    if (!(type.tsym instanceof ClassSymbol declared)
        || declared.isInterface()
        || (declared.flags() & Flags.ABSTRACT) != 0
        || !(declared.isFinal() || !declared.getModifiers().contains(Modifier.PUBLIC))) {
      return false;
    }
    return implementsQuietly(declared, parameter, site);
  }

  /**
   * Whether the method that implements {@code parameter}'s function in {@code created} is quiet.
   */
  private boolean implementsQuietly(ClassSymbol created, Type parameter, CallSite site) {
    Types types = site.types();
    try {
      Symbol function = types.findDescriptorSymbol(parameter.tsym);
      if (!(function instanceof MethodSymbol functional)) {
        return false;
      }
      MethodSymbol run = functional.implementation(created, types, true);
      return run != null && quiet.isQuietTask(run, site.state(), site.catalogue());
    } catch (CompletionFailure | FunctionDescriptorLookupError e) {
      return false; // a missing class file, or a type javac itself rejects
    }
  }
}
