package dev.heed.examples;

import java.io.IOException;

/**
 * How a connection that will not be reused ends: flush what is still buffered, then close. The
 * server's two variants, {@code buggy.Shutdown} and {@code fixed.Shutdown}, differ only here.
 */
public interface ShutdownPath {

  /**
   * Makes progress on ending {@code connection}. The connection calls it when it enters {@link
   * Connection.State#CLOSING} and again each time its socket is writable, until it returns {@link
   * Poll#READY}.
   *
   * @return {@link Poll#READY} once the connection is closed, {@link Poll#PENDING} while buffered
   *     bytes remain to be written
   */
  Poll pollShutdown(Connection connection) throws IOException;
}
