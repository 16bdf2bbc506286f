package dev.heed.checker.obligation;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.heed.checker.catalogue.Category;
import java.util.List;

/**
 * A method that takes a promise and returns it (Netty's {@code write(msg, promise)}) drops nothing
 * when the caller still holds that promise, or passes a {@code no-notification} one ({@code
 * voidPromise()}). The parameter must be a strict subtype of the result (a promise is a writable
 * future): {@code mono.then(other)} returns a new value of the same type and drops it.
 */
final class HeldPromiseExemption implements CallSiteExemption {
  @Override
  public boolean appliesTo(Verdict verdict) {
    return verdict.kind() == Obligation.Kind.ASYNC;
  }

  @Override
  public boolean excuses(CallSite site) {
    List<? extends ExpressionTree> arguments;
    if (site.call() instanceof MethodInvocationTree invocation) {
      arguments = invocation.getArguments();
    } else if (site.call() instanceof NewClassTree newClass) {
      arguments = newClass.getArguments();
    } else {
      return false;
    }
    Types types = site.types();
    Type result = site.method().getReturnType();
    List<VarSymbol> parameters = site.method().getParameters();
    for (int i = 0; i < parameters.size() && i < arguments.size(); i++) {
      Type parameter = parameters.get(i).type;
      if (types.isAssignable(parameter, result)
          && !types.isSameType(types.erasure(parameter), types.erasure(result))
          && isHeldOrUnnotified(arguments.get(i), site)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHeldOrUnnotified(ExpressionTree argument, CallSite site) {
    ExpressionTree unwrapped = ASTHelpers.stripParentheses(argument);
    while (unwrapped instanceof TypeCastTree cast) {
      unwrapped = ASTHelpers.stripParentheses(cast.getExpression()); // (ChannelPromise) entry
    }
    Symbol symbol = ASTHelpers.getSymbol(unwrapped);
    if (unwrapped instanceof MethodInvocationTree invocation) {
      if (!(symbol instanceof MethodSymbol method)) {
        return false;
      }
      if (site.catalogue().names(Category.RETURNS_RECEIVER, method, site.types())) {
        ExpressionTree receiver = ASTHelpers.getReceiver(invocation);
        return receiver != null && isHeldOrUnnotified(receiver, site); // p.addListener(l) is p
      }
      return site.catalogue().names(Category.NO_NOTIFICATION, method, site.types());
    }
    return symbol instanceof VarSymbol;
  }
}
