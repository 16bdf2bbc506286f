package dev.heed.examples;

import java.io.IOException;
import java.net.Socket;

/**
 * How {@link BlockingHttpServer} writes a response and ends the connection. The server's two
 * variants, {@code buggy.BlockingResponder} and {@code fixed.BlockingResponder}, differ only here.
 */
public interface Responder {

  /** The buffer of the {@code BufferedOutputStream} a responder writes through. */
  int BUFFER_BYTES = 64 * 1024;

  /** How many body bytes a responder writes at a time. */
  int CHUNK_BYTES = 4000;

  /**
   * Writes {@code head}, then {@code bodyBytes} of {@link Body}, to {@code socket}, and closes the
   * connection: the responder owns the socket from now on.
   */
  void respond(Socket socket, byte[] head, long bodyBytes) throws IOException;
}
