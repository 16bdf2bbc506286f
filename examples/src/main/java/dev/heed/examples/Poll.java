package dev.heed.examples;

import dev.heed.annotations.MustUse;

/** The result of one step of a non-blocking operation. */
@MustUse(
    "if it is PENDING, buffered bytes are not yet written, and closing now truncates the response")
public enum Poll {
  /** The operation finished. */
  READY,
  /** The operation made what progress it could; call again when the channel is ready. */
  PENDING
}
