package dev.heed.checker.obligation;

import dev.heed.checker.catalogue.Category;
import org.jspecify.annotations.Nullable;

/**
 * Why a call's result must not be dropped, in the words of its diagnostic.
 *
 * @param kind what sort of value it is, which decides the check that reports its drop
 * @param valueType the simple name of the dropped value's type, such as {@code CompletableFuture}
 * @param method the call, such as {@code send(String)} or {@code new Lease(Duration)}
 * @param consequence what is lost with the value, as a sentence without its final period
 * @param remedy how to use the value instead, as a sentence fragment (the reviewed-exception
 *     alternative is added by the report)
 * @param category the model's category, for a modelled method; otherwise null
 * @param ofMethod whether the method owes it (annotated, modelled or inferred), not its type
 */
public record Obligation(
    Kind kind,
    String valueType,
    String method,
    String consequence,
    String remedy,
    @Nullable Category category,
    boolean ofMethod) {

  /** The two sorts of must-use value. */
  public enum Kind {
    /** A future, stage or publisher: its failure, or its work, is lost with it. */
    ASYNC,
    /** A {@code @MustUse} or modelled result: the obligation it states is lost with it. */
    MUST_USE
  }
}
