package dev.heed.checker.catalogue;

import static com.google.common.collect.ImmutableMap.toImmutableMap;

import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a catalogue entry states, as its first word in a model file. Must-use categories say what a
 * dropped result loses and how to use it instead; the others are the vocabulary the rules read:
 * async types, exempt methods, closes, writes, awaits and receiver relations.
 */
public enum Category {
  PARTIAL_WRITE(
      "partial-write",
      Shape.METHOD,
      "Write again while the buffer has bytes remaining (or wait for OP_WRITE), check the count"),
  PARTIAL_READ(
      "partial-read", Shape.METHOD, "Use the count: loop until you have what you need, handle -1"),
  REFUSED(
      "refused",
      Shape.METHOD,
      "Check it and handle the refusal: retry, block, or count and report the drop"),
  TIMED_OUT(
      "timed-out",
      Shape.METHOD,
      "Check it: on a timeout, escalate or report what is still running"),
  DROPPED_WORK("dropped-work", Shape.METHOD, "Log, count or hand back the tasks it returns"),
  /** For user models that fit no other category: the comment says it all. */
  MUST_USE("must-use", Shape.METHOD, "Check it, return it"),

  /** A receiver type whose {@link #REFUSED} methods (all, or those named) always succeed. */
  NEVER_REFUSES("never-refuses", Shape.RECEIVER),
  /**
   * A receiver type whose {@link #DROPPED_WORK} list is always empty: an executor that queues no
   * task ({@code ForkJoinPool}), or a work queue that holds none, over which a pool is created
   * ({@code SynchronousQueue}).
   */
  LISTS_NO_TASKS("lists-no-tasks", Shape.RECEIVER),
  /** A factory of executors that queue no task ({@code Executors.newCachedThreadPool()}). */
  CREATES_UNQUEUED_POOL("creates-unqueued-pool", Shape.METHOD),
  /**
   * A method that schedules a task to run again and again until it is cancelled ({@code
   * scheduleAtFixedRate}): what a {@link #DROPPED_WORK} list holds of it is only its next run.
   */
  SCHEDULES_PERIODIC("schedules-periodic", Shape.METHOD),
  /** A receiver type whose {@link #PARTIAL_WRITE} methods (all, or those named) write all. */
  WRITES_FULLY("writes-fully", Shape.RECEIVER),
  /** A method returning what its receiver writes through ({@code ctx.channel()}). */
  SAME_RECEIVER("same-receiver", Shape.METHOD),
  /**
   * A query that asks a receiver again for the outcome a {@link #TIMED_OUT} wait of it returned
   * ({@code isTerminated()} after {@code awaitTermination}).
   */
  OUTCOME_QUERY("outcome-query", Shape.METHOD),
  /**
   * A method that completes a future and never throws ({@code complete}, {@code tryFailure}): a
   * task that only calls it cannot fail.
   */
  COMPLETES_QUIETLY("completes-quietly", Shape.METHOD),
  /** A method after whose call with {@code true} the receiver's writes are complete. */
  MAKES_BLOCKING("makes-blocking", Shape.METHOD),
  /**
   * A type (and its subtypes) that, created with {@code new T(inner, ...)}, writes through {@code
   * inner}, and whose flush and close pass on to it ({@code FilterOutputStream}).
   */
  WRAPPER("wrapper", Shape.TYPE),
  /**
   * A wrapper type whose writes stay pending in its buffer until one of the named methods (a {@code
   * flush}, a deflater's {@code finish}) or its close: closing what it wraps first loses them.
   */
  BUFFERING_WRAPPER("buffering-wrapper", Shape.RECEIVER),

  /** A type whose values are async results: dropping one loses its failure. */
  ASYNC_TYPE("async-type", Shape.TYPE),
  /** An async type that describes work rather than runs it: dropped, the work never happens. */
  LAZY_TYPE("lazy-type", Shape.TYPE),
  /** An async method that returns its receiver, which the caller already holds. */
  RETURNS_RECEIVER("returns-receiver", Shape.METHOD),
  /**
   * An async method whose returned future's failure is observed: its callback receives the failure,
   * or it attaches a listener of its own that handles it.
   */
  OBSERVES_FAILURE("observes-failure", Shape.METHOD),
  /**
   * An async method that returns its receiver and observes only success: its drop is a loss unless
   * an {@link #OBSERVES_FAILURE} call earlier in the same chain saw the failure.
   */
  SUCCESS_ONLY("success-only", Shape.METHOD),
  /** An async method whose result is also kept elsewhere, where it is taken from. */
  RESULT_KEPT("result-kept", Shape.METHOD),
  /** A method returning a promise that asks for no notification ({@code voidPromise()}). */
  NO_NOTIFICATION("no-notification", Shape.METHOD),

  /** A word of a method's camel-case name that makes it a close, shutdown or teardown. */
  TEARDOWN_WORD("teardown-word", Shape.NAME),
  /** A method name (or {@code prefix*}) that writes or sends to its receiver. */
  WRITES("writes", Shape.NAME),
  /** A method name (or {@code prefix*}) that flushes or polls a flush of its receiver. */
  FLUSHES("flushes", Shape.NAME),
  /** A method name (or {@code prefix*}) that waits for a future to complete. */
  AWAITS("awaits", Shape.NAME),
  /** A method name (or {@code prefix*}) that registers a callback run on completion. */
  COMPLETION_LISTENER("completion-listener", Shape.NAME),
  /** A constant listener that closes the channel once the future completes. */
  CLOSING_LISTENER("closing-listener", Shape.FIELD),
  /**
   * A constant listener that handles the failure of the future it is added to (logs it, fails the
   * connection, passes it on): a method that adds one to every future it returns has observed them.
   */
  FAILURE_LISTENER("failure-listener", Shape.FIELD);

  /** How an entry of a category names its subject. */
  public enum Shape {
    /** {@code pkg.Type.method(erased.Parameter, ...)}. */
    METHOD,
    /** {@code pkg.Type}. */
    TYPE,
    /** {@code pkg.Type}, {@code pkg.Type()} (created without a capacity), then method names. */
    RECEIVER,
    /** {@code pkg.Type.FIELD}. */
    FIELD,
    /** A method name, a {@code prefix*}, or a word. */
    NAME
  }

  private final String keyword;
  private final Shape shape;
  private final String remedy;

  Category(String keyword, Shape shape) {
    this(keyword, shape, "");
  }

  Category(String keyword, Shape shape, String remedy) {
    this.keyword = keyword;
    this.shape = shape;
    this.remedy = remedy;
  }

  /** How the model file spells it. */
  public String keyword() {
    return keyword;
  }

  public Shape shape() {
    return shape;
  }

  /** How to use the value instead of dropping it; empty unless {@link #isMustUse()}. */
  public String remedy() {
    return remedy;
  }

  /** Whether the category describes a must-use result (the others are vocabulary). */
  public boolean isMustUse() {
    return !remedy.isEmpty();
  }

  /** Counts whose loss a drain loop on the same buffer makes good. */
  public boolean isBufferCount() {
    return this == PARTIAL_WRITE || this == PARTIAL_READ;
  }

  static Optional<Category> fromKeyword(String keyword) {
    return Optional.ofNullable(BY_KEYWORD.get(keyword));
  }

  private static final ImmutableMap<String, Category> BY_KEYWORD =
      Arrays.stream(values()).collect(toImmutableMap(c -> c.keyword, c -> c));
}
