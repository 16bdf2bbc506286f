package dev.heed.checker.obligation;

import static com.google.common.collect.ImmutableList.toImmutableList;

import com.google.common.collect.ImmutableList;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Name;
import dev.heed.checker.catalogue.Relocations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.type.TypeKind;

/**
 * The async types of this compilation ({@code async-type}, {@code lazy-type} and {@code
 * -XepOpt:Heed:AsyncTypes}), resolved and erased once, with the answer for each class kept: every
 * call's verdict, summary and stage asks about a result type, and most ask about the same few
 * classes.
 */
final class AsyncTypes {
  private static final byte ASYNC = 1;
  private static final byte LAZY = 2;

  private final ImmutableList<Type> all;
  private final ImmutableList<Type> lazy;
  private final Types types;

  /**
   * By class: whether it is async and whether lazy. Subtyping to an erased class ignores type
   * arguments.
   */
  private final Map<TypeSymbol, Byte> classes = new HashMap<>();

  /** The names of the async and lazy types, for shaded copies ({@link Relocations}). */
  private final ImmutableList<String> allNames;

  private final ImmutableList<String> lazyNames;

  AsyncTypes(
      List<Type> all,
      List<Type> lazy,
      ImmutableList<String> allNames,
      ImmutableList<String> lazyNames,
      Types types) {
    this.all = all.stream().map(types::erasure).collect(toImmutableList());
    this.lazy = lazy.stream().map(types::erasure).collect(toImmutableList());
    this.allNames = allNames;
    this.lazyNames = lazyNames;
    this.types = types;
  }

  /**
   * Whether {@code type} is a subtype of an async type. Not erased first: the erasure of an
   * intersection ({@code T extends Runnable & Future<V>}) is its first bound alone.
   */
  boolean isAsync(Type type) {
    return (kinds(type) & ASYNC) != 0;
  }

  /** Whether {@code type} is a subtype of a lazy async type. */
  boolean isLazy(Type type) {
    return (kinds(type) & LAZY) != 0;
  }

  private byte kinds(Type type) {
    if (type.getKind() != TypeKind.DECLARED || type.isCompound() || type.isErroneous()) {
      return compute(type);
    }
    Byte known = classes.get(type.tsym);
    if (known == null) {
      known = compute(types.erasure(type)); // not cached if a class file is missing (it throws)
      classes.put(type.tsym, known);
    }
    return known;
  }

  private byte compute(Type type) {
    byte kinds = 0;
    if (anySupertype(type, all)) {
      kinds |= ASYNC;
    }
    if (anySupertype(type, lazy)) {
      kinds |= LAZY;
    }
    if (kinds == 0 && type.getKind() == TypeKind.DECLARED && !type.isErroneous()) {
      // A shaded copy (org.example.shaded.reactor.core.publisher.Mono) is not on the class path
      // under the catalogued name, so it is known by its name alone.
      for (Type supertype : types.closure(type)) {
        Name name = supertype.tsym.getQualifiedName();
        if (anyRelocated(name, allNames)) {
          kinds |= ASYNC;
        }
        if (anyRelocated(name, lazyNames)) {
          kinds |= LAZY;
        }
      }
    }
    return kinds;
  }

  private static boolean anyRelocated(Name name, List<String> qualified) {
    for (String catalogued : qualified) {
      if (name.length() > catalogued.length() && Relocations.sameName(name, catalogued)) {
        return true;
      }
    }
    return false;
  }

  private boolean anySupertype(Type type, List<Type> supertypes) {
    for (Type supertype : supertypes) {
      if (types.isSubtype(type, supertype)) {
        return true;
      }
    }
    return false;
  }
}
