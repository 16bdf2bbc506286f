package dev.heed.checker.obligation;

import com.google.common.base.CharMatcher;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import dev.heed.checker.trees.Names;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;

/**
 * Reads {@code @MustUse}-like annotations (ours, or any named by {@code
 * -XepOpt:Heed:MustUseAnnotations}) and {@code @CanIgnoreReturnValue}, by simple or qualified name,
 * so that no annotation jar is needed on the processor path.
 */
final class MustUseAnnotations {
  private static final String CAN_IGNORE = "CanIgnoreReturnValue";

  /** A {@code @MustUse}-like annotation found on {@code on}, with its optional text. */
  record MustUse(String on, String text) {
    /** The verdict it gives: its text is what is lost. */
    Verdict verdict() {
      String consequence =
          text.isEmpty()
              ? "but " + on + " is marked @MustUse: the result carries an obligation"
              : CharMatcher.anyOf(".!").trimTrailingFrom(text.strip());
      return new Verdict(Obligation.Kind.MUST_USE, consequence, "Check it, return it");
    }
  }

  private final ImmutableSet<String> names;
  private final Map<TypeSymbol, Optional<MustUse>> onTypes = new HashMap<>();
  private final Map<TypeSymbol, Boolean> declaresAnnotated = new HashMap<>();
  private final Map<TypeSymbol, Boolean> inheritsAnnotated = new HashMap<>();

  MustUseAnnotations(ImmutableSet<String> names) {
    this.names = names;
  }

  static boolean canIgnore(Symbol symbol) {
    for (Attribute.Compound annotation : symbol.getAnnotationMirrors()) {
      if (annotation.type.tsym.getSimpleName().contentEquals(CAN_IGNORE)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a supertype of {@code method}'s class declares a method with a must-use or {@code
   * CanIgnoreReturnValue} annotation: if none does, no method it overrides carries one, and finding
   * what it overrides (a walk of every supertype, and an override test for each method of the same
   * name) can be skipped. Answered once per class, from each supertype's members read once.
   */
  boolean anySupertypeAnnotates(MethodSymbol method, Types types) {
    if (!(method.owner instanceof TypeSymbol owner)) {
      return true;
    }
    Boolean known = inheritsAnnotated.get(owner);
    if (known == null) {
      known = false;
      try {
        for (Type supertype : types.closure(owner.type)) {
          if (!supertype.tsym.equals(owner) && declaresAnnotatedMethod(supertype.tsym)) {
            known = true;
            break;
          }
        }
      } catch (CompletionFailure e) {
        known = true; // a supertype's class file is missing: let the full search decide
      }
      inheritsAnnotated.put(owner, known);
    }
    return known;
  }

  private boolean declaresAnnotatedMethod(TypeSymbol type) {
    Boolean known = declaresAnnotated.get(type);
    if (known == null) {
      known = false;
      for (Symbol member : ASTHelpers.getEnclosedElements(type)) {
        if (member instanceof MethodSymbol && (canIgnore(member) || on(member).isPresent())) {
          known = true;
          break;
        }
      }
      declaresAnnotated.put(type, known);
    }
    return known;
  }

  /** A {@code @MustUse}-like annotation directly on {@code symbol}. */
  Optional<MustUse> on(Symbol symbol) {
    for (Attribute.Compound annotation : symbol.getAnnotationMirrors()) {
      TypeSymbol annotationType = annotation.type.tsym;
      if (names.contains(annotationType.getSimpleName().toString())
          || names.contains(annotationType.getQualifiedName().toString())) {
        String on =
            symbol instanceof MethodSymbol method
                ? Names.describe(method)
                : symbol.getSimpleName().toString();
        return Optional.of(new MustUse(on, text(annotation)));
      }
    }
    return Optional.empty();
  }

  /** A {@code @MustUse}-like annotation on {@code type} or any of its supertypes. */
  Optional<MustUse> onType(Type type, Types types) {
    return onTypes.computeIfAbsent(
        type.tsym,
        symbol -> {
          for (Type supertype : types.closure(symbol.type)) {
            Optional<MustUse> found = on(supertype.tsym);
            if (found.isPresent()) {
              return found;
            }
          }
          return Optional.empty();
        });
  }

  private static String text(AnnotationMirror annotation) {
    return annotation.getElementValues().entrySet().stream()
        .filter(e -> e.getKey().getSimpleName().contentEquals("value"))
        .map(e -> e.getValue().getValue())
        .filter(String.class::isInstance)
        .map(String.class::cast)
        .findFirst()
        .orElse("");
  }
}
