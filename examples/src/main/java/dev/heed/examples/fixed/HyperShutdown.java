package dev.heed.examples.fixed;

import dev.heed.examples.Connection;
import dev.heed.examples.Poll;
import dev.heed.examples.ShutdownPath;
import java.io.IOException;

/**
 * hyper's shape, fixed: shut the I/O object down only once the flush into it is READY; while it is
 * PENDING, stay in the shutdown state and poll again when the socket is writable.
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
      if (this.pollFlush() == Poll.PENDING) {
        return Poll.PENDING;
      }
      this.io.close();
      return Poll.READY;
    }
  }
}
