package dev.heed.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The result of this method, or every value of this type, carries an obligation: dropping it
 * silently is a bug. Java's analogue of Rust's {@code #[must_use]}.
 *
 * <p>On a method, every call's result must be used. On a class or interface, every method or
 * constructor whose declared result is this type, or a subtype of it, must be used. Heed's {@code
 * DiscardedMustUse} check reports a call whose result is discarded: an expression statement, a void
 * lambda or method reference, {@code var _ = ...}, or a local that is never read.
 *
 * <pre>{@code
 * @MustUse("if it is PENDING, buffered bytes are not yet written")
 * enum Poll { READY, PENDING }
 * }</pre>
 *
 * <p>The only accepted way to drop such a value on purpose is {@link AllowDiscard} with a reason.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface MustUse {
  /**
   * What is lost when the value is dropped, in the value's own terms. Heed adds it to the
   * diagnostic.
   */
  String value() default "";
}
