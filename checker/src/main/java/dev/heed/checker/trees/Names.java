package dev.heed.checker.trees;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.CompletionFailure;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.ModuleSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.comp.Modules;
import java.util.List;
import javax.lang.model.element.TypeElement;
import org.jspecify.annotations.Nullable;

/** How diagnostics name methods and types, and how type names are looked up. */
public final class Names {
  private Names() {}

  /** {@code send(String)}, or {@code new Lease(Duration)} for a constructor. */
  public static String describe(MethodSymbol method) {
    StringBuilder text = new StringBuilder();
    if (method.isConstructor()) {
      text.append("new ").append(simpleName(method.owner.type));
    } else {
      text.append(method.getSimpleName());
    }
    text.append('(');
    List<VarSymbol> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(simpleName(parameters.get(i).type));
    }
    return text.append(')').toString();
  }

  /** {@code Future}, {@code byte[]}. */
  public static String simpleName(Type type) {
    if (type instanceof Type.ArrayType array) {
      return simpleName(array.elemtype) + "[]";
    }
    if (type.tsym instanceof ClassSymbol c && c.isAnonymous()) {
      // An anonymous class has no name: it is known by the type it extends or implements.
      Type superclass = c.getSuperclass();
      boolean object =
          superclass.tsym == null
              || superclass.tsym.getQualifiedName().contentEquals("java.lang.Object");
      if (object && !c.getInterfaces().isEmpty()) {
        return simpleName(c.getInterfaces().head);
      }
      if (superclass.tsym != null) {
        return simpleName(superclass);
      }
    }
    return type.tsym == null ? type.toString() : type.tsym.getSimpleName().toString();
  }

  /**
   * Looks a type up by its canonical name, trying nested-class spellings ({@code Flow.Publisher} is
   * {@code Flow$Publisher}); {@code null} if it is not on the classpath. A type the compilation has
   * not loaded yet is loaded: {@code getTypeFromString} knows only the types javac has seen so far,
   * and a unit that names only {@code ChannelFuture} has not made javac load {@code
   * java.util.concurrent.Future}, its supertype, by the time the first call is checked.
   */
  public static @Nullable Type lookUp(String name, VisitorState state) {
    String binary = name;
    while (true) {
      Type type = state.getTypeFromString(binary);
      if (type != null && !type.isErroneous()) {
        return type;
      }
      int dot = binary.lastIndexOf('.');
      if (dot < 0) {
        return load(name, state);
      }
      binary = binary.substring(0, dot) + '$' + binary.substring(dot + 1);
    }
  }

  private static @Nullable Type load(String canonicalName, VisitorState state) {
    // In the compilation's module: asked without one, javac searches every module of the image for
    // a
    // name, which for a type that is absent (most async types, in most builds) costs a scan each.
    // (Its path is not known here: the result is cached for the whole compilation.)
    ModuleSymbol module = Modules.instance(state.context).getDefaultModule();
    try {
      TypeElement element =
          module == null
              ? state.getElements().getTypeElement(canonicalName)
              : state.getElements().getTypeElement(module, canonicalName);
      return element instanceof ClassSymbol loaded && !loaded.type.isErroneous()
          ? loaded.type
          : null;
    } catch (CompletionFailure e) {
      return null; // a class file that names a missing supertype
    }
  }
}
