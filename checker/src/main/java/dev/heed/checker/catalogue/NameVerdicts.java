package dev.heed.checker.catalogue;

import java.util.function.Predicate;
import javax.lang.model.element.Name;

/**
 * A yes-or-no question about method names, answered once per name and remembered. It is asked for
 * every call Error Prone visits, so a remembered answer is one array read and one identity test:
 * javac interns a compilation's names, and a direct-mapped table needs no hashing of its own, no
 * boxing and no entry objects. Two names that share a slot only cost the question again.
 */
final class NameVerdicts {
  private static final int SLOTS = 4096; // a power of two

  private final Name[] names = new Name[SLOTS];
  private final boolean[] answers = new boolean[SLOTS];
  private final Predicate<String> question;

  NameVerdicts(Predicate<String> question) {
    this.question = question;
  }

  @SuppressWarnings("ReferenceEquality") // javac interns names: one instance per name per table
  boolean test(Name name) {
    int slot = name.hashCode() & (SLOTS - 1);
    if (names[slot] != name) {
      answers[slot] = question.test(name.toString());
      names[slot] = name;
    }
    return answers[slot];
  }
}
