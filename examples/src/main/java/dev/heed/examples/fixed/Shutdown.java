package dev.heed.examples.fixed;

import dev.heed.examples.Connection;
import dev.heed.examples.Poll;
import dev.heed.examples.ShutdownPath;
import java.io.IOException;

/**
 * The fix: close only once the flush is READY. While it is PENDING the connection stays in CLOSING,
 * still flushing, and the server calls this again when the socket is writable.
 */
public final class Shutdown implements ShutdownPath {

  @Override
  public Poll pollShutdown(Connection connection) throws IOException {
    if (connection.pollFlush() == Poll.PENDING) {
      return Poll.PENDING;
    }
    connection.close();
    return Poll.READY;
  }
}
