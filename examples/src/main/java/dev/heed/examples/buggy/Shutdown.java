package dev.heed.examples.buggy;

import dev.heed.examples.Connection;

/** The truncation bug: a flush that may be pending is treated as finished. */
public final class Shutdown {
  private Shutdown() {}

  public static void finish(Connection connection, String lastMessage) {
    connection.send(lastMessage);
    connection.pollFlush();
    connection.close();
  }
}
