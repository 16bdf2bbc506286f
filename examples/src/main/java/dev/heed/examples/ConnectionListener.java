package dev.heed.examples;

import java.lang.System.Logger.Level;

/** What {@link HttpServer} tells its owner about connections; every method defaults to nothing. */
public interface ConnectionListener {

  /**
   * The shutdown path has just run for the first time on a connection. {@code bufferedBytes} are
   * the response bytes still in the connection's write buffer after that run: if the path closed
   * the connection anyway, they are lost.
   */
  default void shutdownStarted(long connectionId, long bufferedBytes) {}

  /** A connection closed; {@code report} says whether its last response was cut short. */
  default void closed(CloseReport report) {}

  /**
   * Logs a truncated response at WARNING: the signal an operator alerts on. It carries counts, not
   * payload.
   */
  ConnectionListener LOG_TRUNCATIONS =
      new ConnectionListener() {
        private final System.Logger log = System.getLogger(HttpServer.class.getName());

        @Override
        public void closed(CloseReport report) {
          if (report.truncated()) {
            log.log(
                Level.WARNING,
                () ->
                    "connection "
                        + report.connectionId()
                        + ": closed after writing "
                        + report.bodyBytesWritten()
                        + " of "
                        + report.contentLength()
                        + " body bytes (Content-Length): the response is truncated by "
                        + report.missingBytes()
                        + " bytes");
          }
        }
      };
}
