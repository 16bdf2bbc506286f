package dev.heed.checker;

import org.jspecify.annotations.Nullable;

/**
 * Why a call's result must not be dropped: which check reports it, and the words of its diagnostic.
 *
 * @param check the name of the check that reports the drop
 * @param valueType the simple name of the dropped value's type, such as {@code CompletableFuture}
 * @param method the call, such as {@code send(String)} or {@code new Lease(Duration)}
 * @param consequence what is lost with the value, as a sentence without its final period
 * @param remedy how to use the value instead, as a sentence fragment (the reviewed-exception
 *     alternative is added by the report)
 * @param category the model's category, for a modelled method; otherwise null
 */
record Obligation(
    String check,
    String valueType,
    String method,
    String consequence,
    String remedy,
    @Nullable Category category) {}
