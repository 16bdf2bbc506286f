package dev.heed.checker.obligation;

import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.heed.checker.catalogue.Catalogue;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What the rules read about one method, computed once before the chain runs.
 *
 * @param overridden the methods it overrides, in any supertype, found on first use
 * @param inheritsAnnotations whether a supertype of its class declares a method with an annotation
 *     the rules read ({@link MustUseAnnotations#anySupertypeAnnotates}): if not, no method it
 *     overrides has one, and the rules that read annotations need not find them
 * @param declared its declared result as a reference type (a type variable's bound), or null for a
 *     primitive or erroneous one
 * @param async whether that result is an async type
 * @param lazy whether it is a lazy (cold) async type
 * @param asyncTypes the async and lazy types of this compilation
 * @param summary what its body returns, read on first use
 */
record MethodFacts(
    MethodSymbol method,
    Supplier<Set<MethodSymbol>> overridden,
    boolean inheritsAnnotations,
    @Nullable Type declared,
    boolean async,
    boolean lazy,
    AsyncTypes asyncTypes,
    Types types,
    Catalogue catalogue,
    MustUseAnnotations annotations,
    Supplier<ReturnSummaries.Summary> summary) {

  /** The method and every method it overrides that may carry an annotation. */
  Stream<MethodSymbol> withAnnotatableOverridden() {
    return inheritsAnnotations
        ? Stream.concat(Stream.of(method), overridden.get().stream())
        : Stream.of(method);
  }

  /** The methods it overrides, found only when iterated. */
  Iterable<MethodSymbol> lazilyOverridden() {
    return () -> overridden.get().iterator();
  }
}
