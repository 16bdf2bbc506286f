package dev.heed.checker.obligation;

import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.code.Types.FunctionDescriptorLookupError;
import java.util.Optional;
import javax.lang.model.type.TypeKind;

/**
 * A stage of an eager future that hands the failure to a callback has observed the failure: {@code
 * f.whenDone((v, e) -> ...)}, {@code f.onError(e -> ...)}, {@code f.recover(e -> fallback)}, {@code
 * f.onComplete(done -> ...)}. Decided by the method's declared shape, not its name, so it holds for
 * a client library's own future class: an instance method of an eager async type, returning an
 * eager async value, with a parameter whose type is a functional interface whose function receives
 * either
 *
 * <ul>
 *   <li>a {@code Throwable} (or a subtype the library names: the failures its futures carry), or
 *   <li>the future itself, typed as the receiver's type or an async supertype of it (the completed
 *       future holds the failure: Netty's {@code addListener}).
 * </ul>
 *
 * The function's parameter types are the declared method's, with wildcards removed as JLS 9.9 does
 * ({@code Types.findDescriptorType}), so {@code thenApply(Function<? super T, ...>)} receives a
 * {@code T}, which is no failure. A type variable is never a failure, even one bounded by {@code
 * Throwable}: the caller chooses it, and may choose a narrower one ({@code catching(IOException
 * .class, ...)} leaves every other failure in the result). Lazy types keep their obligation: a
 * dropped {@code doOnError(...)} never runs. Static methods are no stages of a receiver ({@code
 * Futures.catching(f, ...)}): the dropped result is all that is left of the chain.
 */
final class FailureCallbackRule implements ResultRule {
  private static final String THROWABLE = "java.lang.Throwable";

  @Override
  public Optional<Verdict> evaluate(MethodFacts method) {
    return method.async()
            && !method.lazy()
            && observesFailure(method.method(), method.types(), method.asyncTypes())
        ? Optional.of(Verdict.NONE)
        : Optional.empty();
  }

  /**
   * Whether {@code method} is a stage of an eager async receiver, returning an eager async value,
   * that hands the receiver's failure to a callback it takes.
   */
  static boolean observesFailure(MethodSymbol method, Types types, AsyncTypes asyncTypes) {
    if (method.isStatic()
        || method.isConstructor()
        || !(method.owner instanceof ClassSymbol owner)
        || !isEager(owner.type, types, asyncTypes)
        || !isEager(method.getReturnType(), types, asyncTypes)) {
      return false;
    }
    try {
      for (VarSymbol parameter : method.getParameters()) {
        if (receivesFailure(parameter.type, owner.type, types, asyncTypes)) {
          return true;
        }
      }
    } catch (CompletionFailure | FunctionDescriptorLookupError e) {
      return false; // a missing class file, or a type javac itself rejects
    }
    return false;
  }

  /** Whether {@code parameter} is a callback whose function receives the receiver's failure. */
  private static boolean receivesFailure(
      Type parameter, Type receiver, Types types, AsyncTypes asyncTypes) {
    if (parameter.getKind() != TypeKind.DECLARED
        || !parameter.tsym.isInterface()
        || !types.isFunctionalInterface(parameter)) {
      return false;
    }
    for (Type argument : types.findDescriptorType(parameter).getParameterTypes()) {
      if (argument.getKind() != TypeKind.DECLARED) {
        continue; // a type variable (the caller's choice), a primitive, an array
      }
      if (isThrowable(argument, types)
          || (isEager(argument, types, asyncTypes)
              && types.isSubtype(types.erasure(receiver), types.erasure(argument)))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code type} is {@code Throwable} or a subclass of it. */
  static boolean isThrowable(Type type, Types types) {
    return types.closure(types.erasure(type)).stream()
        .anyMatch(t -> t.tsym.getQualifiedName().contentEquals(THROWABLE));
  }

  /** An async type that is not lazy: its work runs whether or not anyone holds the value. */
  private static boolean isEager(Type type, Types types, AsyncTypes asyncTypes) {
    if (type == null || type.isErroneous() || type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    Type erased = types.erasure(type);
    return asyncTypes.isAsync(erased) && !asyncTypes.isLazy(erased);
  }
}
