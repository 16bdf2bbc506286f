package dev.heed.examples.buggy;

import dev.heed.examples.Connection;
import dev.heed.examples.Poll;
import dev.heed.examples.ShutdownPath;
import java.io.IOException;

/**
 * The truncation bug: the shutdown path flushes once and closes, treating a flush that may be
 * PENDING as finished. Whatever the socket did not accept in that one flush is lost.
 */
public final class Shutdown implements ShutdownPath {

  @Override
  public Poll pollShutdown(Connection connection) throws IOException {
    connection.pollFlush();
    connection.close();
    return Poll.READY;
  }
}
