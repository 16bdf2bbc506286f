package dev.heed.checker;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of loss a model names (design §2.3); each tells the user how to use the value. */
enum Category {
  PARTIAL_WRITE(
      "partial-write",
      "Write again while the buffer has bytes remaining (or wait for OP_WRITE), check the count"),
  PARTIAL_READ("partial-read", "Use the count: loop until you have what you need, handle -1"),
  REFUSED("refused", "Check it and handle the refusal: retry, block, or count and report the drop"),
  TIMED_OUT("timed-out", "Check it: on a timeout, escalate or report what is still running"),
  DROPPED_WORK("dropped-work", "Log, count or hand back the tasks it returns"),
  /** For user models that fit no other category: the comment says it all. */
  MUST_USE("must-use", "Check it, return it"),
  /** Not a method: a receiver type whose {@link #REFUSED} methods always succeed. */
  NEVER_REFUSES("never-refuses", ""),
  /** Not a method: a receiver type whose {@link #PARTIAL_WRITE} methods write everything. */
  WRITES_FULLY("writes-fully", ""),
  /**
   * Not a must-use result: a method that returns an object standing for its receiver, for
   * CloseBeforeFlush ({@code ctx.channel()} is where {@code ctx} writes).
   */
  SAME_RECEIVER("same-receiver", "");

  private final String keyword;
  private final String remedy;

  Category(String keyword, String remedy) {
    this.keyword = keyword;
    this.remedy = remedy;
  }

  /** How the model file spells it. */
  String keyword() {
    return keyword;
  }

  /** How to use the value instead of dropping it. */
  String remedy() {
    return remedy;
  }

  /** Whether the category describes a must-use result (the others are relations). */
  boolean isMustUse() {
    return this != NEVER_REFUSES && this != WRITES_FULLY && this != SAME_RECEIVER;
  }

  /** Counts whose loss a drain loop on the same buffer makes good (design §3). */
  boolean isBufferCount() {
    return this == PARTIAL_WRITE || this == PARTIAL_READ;
  }

  static Optional<Category> fromKeyword(String keyword) {
    return Arrays.stream(values()).filter(c -> c.keyword.equals(keyword)).findFirst();
  }
}
