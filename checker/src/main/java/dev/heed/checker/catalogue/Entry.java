package dev.heed.checker.catalogue;

import com.google.common.collect.ImmutableList;

/** One line of a model file, parsed; what it means is its {@link Category}'s. */
public sealed interface Entry {
  Category category();

  /** The comment after {@code --}: what is lost, or why the fact holds. */
  String comment();

  /**
   * {@code owner.name(parameters)}: a method, matched by an erased parameter list, {@code ...} for
   * any further parameters ({@code (...)} for every overload).
   */
  record MethodEntry(
      Category category,
      String owner,
      String name,
      ImmutableList<String> parameters,
      boolean anyTrailing,
      String comment)
      implements Entry {}

  /** A type; for a receiver fact, also whether it holds only when created without a capacity. */
  record TypeEntry(
      Category category,
      String type,
      boolean unsized,
      ImmutableList<NamePattern> methods,
      String comment)
      implements Entry {
    /** Whether the fact covers {@code method}: every method, unless the entry names some. */
    public boolean covers(String method) {
      return methods.isEmpty() || methods.stream().anyMatch(p -> p.matches(method));
    }
  }

  /** A static field {@code owner.name}. */
  record FieldEntry(Category category, String owner, String name, String comment)
      implements Entry {}

  /** A method name, a name prefix ({@code write*}) or a camel-case word. */
  record NameEntry(Category category, NamePattern pattern, String comment) implements Entry {}

  /** {@code flush} (exactly that name) or {@code flush*} (any name starting so). */
  record NamePattern(String text, boolean prefix) {
    static NamePattern parse(String pattern) {
      return pattern.endsWith("*")
          ? new NamePattern(pattern.substring(0, pattern.length() - 1), true)
          : new NamePattern(pattern, false);
    }

    public boolean matches(String name) {
      return prefix ? name.startsWith(text) : name.equals(text);
    }

    @Override
    public String toString() {
      return prefix ? text + "*" : text;
    }
  }
}
