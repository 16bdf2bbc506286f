package dev.heed.checker.obligation;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;

/**
 * An async call that is given a handler for its failure delivers the failure there, so its returned
 * future is redundant: {@code connector.connectAsync(address, completionHandler)}, whose handler
 * has {@code void failed(Throwable)}; {@code sender.send(message, e -> log(e))} with a {@code
 * Consumer<Throwable>}. A handler is a callback interface by its shape: every abstract method
 * returns void, and one receives a {@code Throwable}. An executor, a channel or a promise, whose
 * methods return values ({@code newFailedFuture(Throwable)}, {@code setFailure(Throwable)}), is no
 * handler.
 *
 * <p>Only for an eager result of a call whose receiver and other arguments are not async (a stage
 * of another future is the rest of its chain), and only when the handler argument is not {@code
 * null}: a call given no handler ({@code overflow(null)}) reports its failure nowhere else.
 */
final class FailureHandlerExemption implements CallSiteExemption {
  private final Obligations obligations;

  FailureHandlerExemption(Obligations obligations) {
    this.obligations = obligations;
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
    if (!obligations.startsEagerWork(site, ASTHelpers.getType(invocation))) {
      return false;
    }
    List<VarSymbol> parameters = site.method().getParameters();
    List<? extends ExpressionTree> arguments = invocation.getArguments();
    if (site.method().isVarArgs() || parameters.size() != arguments.size()) {
      return false;
    }
    boolean handled = false;
    for (int i = 0; i < arguments.size(); i++) {
      Type argument = ASTHelpers.getType(arguments.get(i));
      if (argument == null || obligations.isAsync(argument, state)) {
        return false;
      }
      handled |=
          !(ASTHelpers.stripParentheses(arguments.get(i)) instanceof LiteralTree)
              && isFailureHandler(parameters.get(i).type, site.types());
    }
    return handled;
  }

  /** A callback interface: every abstract method returns void, one receives a failure. */
  private static boolean isFailureHandler(Type type, Types types) {
    if (type.getKind() != TypeKind.DECLARED || !type.tsym.isInterface()) {
      return false;
    }
    boolean receivesFailure = false;
    try {
      for (Type supertype : types.closure(type)) {
        for (Symbol member : ASTHelpers.getEnclosedElements(supertype.tsym)) {
          if (!(member instanceof MethodSymbol method)
              || !method.getModifiers().contains(Modifier.ABSTRACT)
              || isObjectMethod(method)) {
            continue;
          }
          Type signature = types.memberType(type, method);
          if (signature.getReturnType().getKind() != TypeKind.VOID) {
            return false; // a method that answers: an executor, a channel, a promise
          }
          receivesFailure |= receivesFailure(signature, types);
        }
      }
    } catch (CompletionFailure e) {
      return false; // a missing class file: javac reports it where it matters
    }
    return receivesFailure;
  }

  /** {@code equals}, {@code hashCode}, {@code toString} redeclared by an interface. */
  private static boolean isObjectMethod(MethodSymbol method) {
    String name = method.getSimpleName().toString();
    return name.equals("equals") || name.equals("hashCode") || name.equals("toString");
  }

  private static boolean receivesFailure(Type method, Types types) {
    for (Type parameter : method.getParameterTypes()) {
      if (parameter.getKind() == TypeKind.DECLARED
          && FailureCallbackRule.isThrowable(parameter, types)) {
        return true;
      }
    }
    return false;
  }
}
