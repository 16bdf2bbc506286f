package dev.heed.checker.obligation;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.heed.checker.catalogue.Category;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A method that only hands back a value its caller gave it (every {@code return} yields {@code
 * this} or a parameter: a setter, a builder step, {@code cascade(a, b)} returning {@code a})
 * creates no new value: where the caller passed it a value it still holds (a variable, a field,
 * {@code this}), dropping the result drops nothing. Where the caller passed a new value ({@code
 * first(new FutureTask<>(...))}), dropping the result drops that value, and is reported. Read from
 * the method's body ({@link ReturnSummaries}); a {@code @MustUse} on the method itself or a
 * catalogue fact about it ({@code success-only}) still wins.
 */
final class PassthroughExemption implements CallSiteExemption {
  private final ReturnSummaries summaries;
  private final Obligations obligations;

  PassthroughExemption(ReturnSummaries summaries, Obligations obligations) {
    this.summaries = summaries;
    this.obligations = obligations;
  }

  @Override
  public boolean appliesTo(Verdict verdict) {
    return !verdict.ofMethod();
  }

  @Override
  public boolean excuses(CallSite site) {
    if (!(site.call() instanceof MethodInvocationTree invocation)
        || site.catalogue().names(Category.SUCCESS_ONLY, site.method(), site.types())
        || !(summaries.of(site.method(), site.state(), obligations)
            instanceof ReturnSummaries.Passthrough passthrough)) {
      return false;
    }
    if (passthrough.receiver() && !isHeld(ASTHelpers.getReceiver(invocation), true)) {
      return false;
    }
    List<? extends ExpressionTree> arguments = invocation.getArguments();
    for (int index : passthrough.parameters()) {
      if (index >= arguments.size() || !isHeld(arguments.get(index), false)) {
        return false;
      }
    }
    return true;
  }

  /** A value the caller still holds: a variable, a field, {@code this} (or no receiver at all). */
  private static boolean isHeld(@Nullable ExpressionTree value, boolean implicitThis) {
    if (value == null) {
      return implicitThis;
    }
    ExpressionTree tree = ASTHelpers.stripParentheses(value);
    while (tree instanceof TypeCastTree cast) {
      tree = ASTHelpers.stripParentheses(cast.getExpression());
    }
    if (tree instanceof IdentifierTree || tree instanceof MemberSelectTree) {
      Symbol symbol = ASTHelpers.getSymbol(tree);
      return symbol instanceof VarSymbol
          || (tree instanceof IdentifierTree id && id.getName().contentEquals("this"));
    }
    return false;
  }
}
