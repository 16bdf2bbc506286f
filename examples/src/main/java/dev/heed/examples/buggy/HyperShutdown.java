package dev.heed.examples.buggy;

import dev.heed.examples.Connection;
import dev.heed.examples.Poll;
import dev.heed.examples.ShutdownPath;
import java.io.IOException;

/**
 * The bug in hyper's own shape (proto::h1::Conn): the connection state machine flushes its write
 * buffer into the I/O object it owns, {@code self.poll_flush(cx)}, and then shuts that object down,
 * {@code self.io.poll_shutdown(cx)}, without looking at what the flush returned. The flush's
 * receiver ({@code this}) is not the close's ({@code this.io}), but the close destroys what the
 * flush writes into.
 */
public final class HyperShutdown implements ShutdownPath {

  @Override
  public Poll pollShutdown(Connection connection) throws IOException {
    return new Conn(connection).pollShutdown();
  }

  /** The state machine over one connection; {@code io} is the I/O object it flushes into. */
  private static final class Conn {
    private final Connection io;

    Conn(Connection io) {
      this.io = io;
    }

    /** Writes what the socket accepts now: PENDING while buffered bytes remain. */
    Poll pollFlush() throws IOException {
      return io.pollFlush();
    }

    Poll pollShutdown() throws IOException {
      this.pollFlush();
      this.io.close();
      return Poll.READY;
    }
  }
}
