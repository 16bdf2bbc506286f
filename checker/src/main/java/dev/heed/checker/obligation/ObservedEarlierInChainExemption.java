package dev.heed.checker.obligation;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.heed.checker.catalogue.Catalogue;
import dev.heed.checker.catalogue.Category;

/**
 * A {@code success-only} call returns its receiver: {@code fut.onFailure(log).onSuccess(use);}
 * drops nothing, because the same future's failure is observed earlier in the chain, by a call that
 * {@code observes-failure} and returns its receiver.
 */
final class ObservedEarlierInChainExemption implements CallSiteExemption {
  @Override
  public boolean appliesTo(Verdict verdict) {
    return verdict.kind() == Obligation.Kind.ASYNC;
  }

  @Override
  public boolean excuses(CallSite site) {
    Catalogue catalogue = site.catalogue();
    if (!catalogue.names(Category.SUCCESS_ONLY, site.method(), site.types())) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(site.call());
    while (receiver instanceof MethodInvocationTree inner && ASTHelpers.getSymbol(inner) != null) {
      MethodSymbol handler = ASTHelpers.getSymbol(inner);
      if (catalogue.names(Category.OBSERVES_FAILURE, handler, site.types())
          && catalogue.names(Category.RETURNS_RECEIVER, handler, site.types())) {
        return true; // onFailure or onComplete: the failure is seen
      }
      if (!catalogue.names(Category.SUCCESS_ONLY, handler, site.types())) {
        return false;
      }
      receiver = ASTHelpers.getReceiver(inner);
    }
    return false;
  }
}
