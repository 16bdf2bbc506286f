package dev.heed.checker.obligation;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.heed.checker.catalogue.Catalogue;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * The rule chain, run once per method symbol: what a method's result owes wherever it is called.
 * The chain never sees a call site, so a cached verdict cannot depend on one.
 */
final class MethodVerdicts {
  /** First verdict wins. Annotations come before types, which come before models. */
  private static final ImmutableList<ResultRule> RULES =
      ImmutableList.of(
          new CanIgnoreReturnValueRule(),
          new AnnotatedMethodRule(),
          new TeardownRule(),
          new CallbackParameterRule(),
          new CataloguedAsyncExemptionRule(),
          new FailureCallbackRule(),
          new ObservedByCalleeRule(),
          new AsyncResultRule(),
          new ModelledMethodRule(),
          new AnnotatedTypeRule(),
          new InferredObligationRule());

  private final Catalogue catalogue;
  private final MustUseAnnotations annotations;
  private final Map<MethodSymbol, Verdict> verdicts = new HashMap<>();

  /** For {@link #mayOweByMethod}: whether a method overrides one with a must-use annotation. */
  private final Map<MethodSymbol, Boolean> overriddenAnnotated = new HashMap<>();

  /** By method, then by the class it is called on: no record key to hash per call. */
  private final Map<MethodSymbol, Map<ClassSymbol, Verdict>> inherited = new HashMap<>();

  MethodVerdicts(Catalogue catalogue, MustUseAnnotations annotations) {
    this.catalogue = catalogue;
    this.annotations = annotations;
  }

  /** What {@code method}'s result owes, if it has been decided already; otherwise null. */
  @Nullable Verdict known(MethodSymbol method) {
    return verdicts.get(method);
  }

  /**
   * What {@code method}'s result owes; {@code summaries} reads a method's body, and may ask for the
   * verdicts of the calls it returns (so no {@code computeIfAbsent}: the map grows meanwhile).
   */
  Verdict of(
      MethodSymbol method,
      AsyncTypes asyncTypes,
      Types types,
      Function<MethodSymbol, ReturnSummaries.Summary> summaries) {
    Verdict known = verdicts.get(method);
    if (known == null) {
      known = judgeSafely(method, asyncTypes, types, summaries);
      verdicts.put(method, known);
    }
    return known;
  }

  private Verdict judgeSafely(
      MethodSymbol method,
      AsyncTypes asyncTypes,
      Types types,
      Function<MethodSymbol, ReturnSummaries.Summary> summaries) {
    try {
      return judge(method, asyncTypes, types, summaries);
    } catch (CompletionFailure e) {
      // A supertype's class file is missing: javac reports that itself where it matters.
      return Verdict.NONE;
    }
  }

  private Verdict judge(
      MethodSymbol method,
      AsyncTypes asyncTypes,
      Types types,
      Function<MethodSymbol, ReturnSummaries.Summary> summaries) {
    if (!method.isConstructor() && method.getReturnType().getKind() == TypeKind.VOID) {
      return Verdict.NONE;
    }
    Type declared = declaredResult(method);
    boolean async = declared != null && asyncTypes.isAsync(declared);
    MethodFacts facts =
        new MethodFacts(
            method,
            Suppliers.memoize(() -> overridden(method, types)),
            annotations.anySupertypeAnnotates(method, types),
            declared,
            async,
            async && asyncTypes.isLazy(declared),
            asyncTypes,
            types,
            catalogue,
            annotations,
            Suppliers.memoize(() -> summaries.apply(method)));
    for (ResultRule rule : RULES) {
      Optional<Verdict> verdict = rule.evaluate(facts);
      if (verdict.isPresent()) {
        return verdict.get();
      }
    }
    return Verdict.NONE;
  }

  /**
   * A necessary condition for a verdict {@link Verdict#ofMethod}, without the rule chain: only
   * three rules give one, and each needs what this looks for: {@link ModelledMethodRule} a must-use
   * model of the method's name; {@link InferredObligationRule} an inferred summary ({@code
   * inferred}, which reads the body if it is compiled now); {@link AnnotatedMethodRule} a must-use
   * annotation on the method or one it overrides (searched last).
   */
  boolean mayOweByMethod(MethodSymbol method, BooleanSupplier inferred, Types types) {
    Verdict known = verdicts.get(method);
    if (known != null) {
      return known.ofMethod();
    }
    if (catalogue.hasMustUseModelNamed(method.getSimpleName())
        || annotations.on(method).isPresent()
        || inferred.getAsBoolean()) {
      return true;
    }
    Boolean annotated = overriddenAnnotated.get(method);
    if (annotated == null) {
      annotated = overridesAnnotated(method, types);
      overriddenAnnotated.put(method, annotated);
    }
    return annotated;
  }

  private boolean overridesAnnotated(MethodSymbol method, Types types) {
    if (!annotations.anySupertypeAnnotates(method, types)) {
      return false;
    }
    try {
      for (MethodSymbol overridden : overridden(method, types)) {
        if (annotations.on(overridden).isPresent()) {
          return true;
        }
      }
    } catch (CompletionFailure e) {
      return true; // let the chain decide, as it does for every other method
    }
    return false;
  }

  /**
   * A method inherited from a class that is not itself a subtype of the annotated type implements
   * the annotated method only in the receiver's class: in {@code class AdaptedStore extends
   * PlainStore implements Store}, {@code PlainStore.put} implements {@code @MustUse Store.put}.
   */
  Verdict inheritedImplementation(MethodSymbol method, ClassSymbol origin, Types types) {
    Map<ClassSymbol, Verdict> byOrigin = inherited.get(method);
    if (byOrigin == null) {
      byOrigin = new HashMap<>();
      inherited.put(method, byOrigin);
    }
    Verdict known = byOrigin.get(origin);
    if (known == null) {
      known = implementedMustUse(method, origin, types);
      byOrigin.put(origin, known);
    }
    return known;
  }

  private Verdict implementedMustUse(MethodSymbol method, ClassSymbol origin, Types types) {
    try {
      for (Type supertype : types.closure(origin.type)) {
        for (Symbol member : supertype.tsym.members().getSymbolsByName(method.name)) {
          if (member instanceof MethodSymbol other
              && !other.equals(method)
              && method.overrides(other, origin, types, true)) {
            Optional<MustUseAnnotations.MustUse> mustUse = annotations.on(other);
            if (mustUse.isPresent()) {
              return mustUse.get().verdict();
            }
          }
        }
      }
    } catch (CompletionFailure e) {
      return Verdict.NONE; // a supertype's class file is missing
    }
    return Verdict.NONE;
  }

  /** The methods {@code method} overrides; a static or private method or a constructor has none. */
  private static Set<MethodSymbol> overridden(MethodSymbol method, Types types) {
    return method.isStatic() || method.isPrivate() || method.isConstructor()
        ? Set.of() // Error Prone would walk every supertype to find none
        : ASTHelpers.findSuperMethods(method, types);
  }

  /** The declared result as a reference type (a type variable's bound), or null. */
  private static @Nullable Type declaredResult(MethodSymbol method) {
    Type type = method.isConstructor() ? method.owner.type : method.getReturnType();
    while (type != null && type.getKind() == TypeKind.TYPEVAR) {
      type = type.getUpperBound();
    }
    return type == null || type.isErroneous() || !type.isReference() ? null : type;
  }
}
