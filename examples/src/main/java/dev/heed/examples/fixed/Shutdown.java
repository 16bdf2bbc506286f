package dev.heed.examples.fixed;

import dev.heed.examples.Connection;
import dev.heed.examples.Poll;
import java.util.concurrent.CompletableFuture;

/** The fix: close only once the flush is READY, and let the caller see a failed send. */
public final class Shutdown {
  private Shutdown() {}

  public static CompletableFuture<Void> finish(Connection connection, String lastMessage) {
    CompletableFuture<Void> sent = connection.send(lastMessage);
    while (connection.pollFlush() == Poll.PENDING) {
      Thread.onSpinWait(); // a real server waits for OP_WRITE here
    }
    connection.close();
    return sent.exceptionally(e -> null); // flushed above: the early failure is superseded
  }
}
