package dev.heed.checker.obligation;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.heed.checker.catalogue.Catalogue;
import dev.heed.checker.catalogue.Category;
import dev.heed.checker.trees.Assignments;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal is no loss on a receiver that never refuses the method called: a {@code never-refuses}
 * type by its static type, or a variable that is only ever assigned new such values ({@code q = new
 * ConcurrentLinkedQueue<>()}, {@code new LinkedBlockingQueue<>()} without a capacity).
 */
final class NeverRefusingReceiverExemption implements CallSiteExemption {
  private record Question(VarSymbol variable, String method) {}

  private final Map<Question, Boolean> onlyNeverRefusing = new HashMap<>();

  @Override
  public boolean appliesTo(Verdict verdict) {
    return verdict.category() == Category.REFUSED;
  }

  @Override
  public boolean excuses(CallSite site) {
    Type receiver = site.receiverType();
    if (receiver == null) {
      return false;
    }
    Types types = site.types();
    Catalogue catalogue = site.catalogue();
    String method = site.method().getSimpleName().toString();
    if (catalogue.receiverFact(Category.NEVER_REFUSES, receiver, method, types)) {
      return true;
    }
    if (!(site.receiverSymbol() instanceof VarSymbol variable)) {
      return false;
    }
    return onlyNeverRefusing.computeIfAbsent(
        new Question(variable, method),
        q -> {
          List<ExpressionTree> values = Assignments.of(variable, site.path());
          return values != null
              && !values.isEmpty()
              && values.stream()
                  .map(ASTHelpers::stripParentheses)
                  .allMatch(
                      value ->
                          value instanceof NewClassTree created
                              && ASTHelpers.getType(created) != null
                              && catalogue.neverRefusesWhenCreated(
                                  ASTHelpers.getType(created), isSized(created), method, types));
        });
  }

  /** {@code new LinkedBlockingQueue<>(capacity)}: a numeric argument sets a bound. */
  private static boolean isSized(NewClassTree created) {
    return created.getArguments().stream()
        .map(ASTHelpers::getType)
        .anyMatch(t -> t != null && t.isPrimitive());
  }
}
