package dev.heed.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reviewed exception: inside the annotated declaration, Heed does not report discarded must-use
 * values. The reason is required and is read by reviewers.
 *
 * <pre>{@code
 * @AllowDiscard(reason = "best-effort ping; a lost ping is retried by the next heartbeat")
 * var _ = connection.ping();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.LOCAL_VARIABLE,
  ElementType.METHOD,
  ElementType.CONSTRUCTOR,
  ElementType.FIELD,
  ElementType.TYPE
})
public @interface AllowDiscard {
  /** Why dropping the value is safe here. Must not be blank. */
  String reason();
}
