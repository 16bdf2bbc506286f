package dev.heed.examples.fixed;

import dev.heed.examples.Body;
import dev.heed.examples.Responder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.Socket;

/**
 * The fix: close the wrapper, not the socket beneath it. Its close flushes the buffer into the
 * socket's stream, then closes that stream, which closes the socket (try-with-resources does it on
 * every path).
 */
public final class BlockingResponder implements Responder {

  @Override
  public void respond(Socket socket, byte[] head, long bodyBytes) throws IOException {
    try (BufferedOutputStream out =
        new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES)) {
      out.write(head);
      byte[] chunk = new byte[CHUNK_BYTES];
      for (long done = 0; done < bodyBytes; ) {
        int n = (int) Math.min(chunk.length, bodyBytes - done);
        Body.fill(chunk, 0, n, done);
        out.write(chunk, 0, n);
        done += n;
      }
    }
  }
}
