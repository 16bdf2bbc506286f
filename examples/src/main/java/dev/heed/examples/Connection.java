package dev.heed.examples;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/** A toy connection whose socket accepts only a few bytes per flush. */
public final class Connection {
  private final StringBuilder socket = new StringBuilder();
  private final Queue<String> buffered = new ArrayDeque<>();
  private final int acceptedPerFlush;
  private boolean closed;

  public Connection(int acceptedPerFlush) {
    this.acceptedPerFlush = acceptedPerFlush;
  }

  /** Buffers {@code message}; the future completes when it has been flushed. */
  public CompletableFuture<Void> send(String message) {
    buffered.add(message);
    return pollFlush() == Poll.READY
        ? CompletableFuture.completedFuture(null)
        : CompletableFuture.failedFuture(new IllegalStateException("not yet flushed"));
  }

  /** Writes what the socket accepts; {@link Poll#PENDING} when bytes remain buffered. */
  public Poll pollFlush() {
    int budget = acceptedPerFlush;
    while (!buffered.isEmpty() && budget > 0) {
      String head = buffered.remove();
      int n = Math.min(budget, head.length());
      socket.append(head, 0, n);
      budget -= n;
      if (n < head.length()) {
        ((ArrayDeque<String>) buffered).addFirst(head.substring(n));
      }
    }
    return buffered.isEmpty() ? Poll.READY : Poll.PENDING;
  }

  public void close() {
    closed = true;
  }

  /** What reached the peer. */
  public String delivered() {
    return socket.toString();
  }

  public boolean isClosed() {
    return closed;
  }
}
