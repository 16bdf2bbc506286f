package dev.heed.examples.buggy;

import dev.heed.examples.Body;
import dev.heed.examples.Responder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.Socket;

/**
 * The java.io form of the truncation bug: the response is written through a {@code
 * BufferedOutputStream}, and then the socket beneath it is closed. Whatever the buffer still holds
 * never reaches the socket: the peer gets fewer bytes than Content-Length, on every connection,
 * fast client or slow.
 */
public final class BlockingResponder implements Responder {

  @Override
  public void respond(Socket socket, byte[] head, long bodyBytes) throws IOException {
    BufferedOutputStream out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES);
    out.write(head);
    byte[] chunk = new byte[CHUNK_BYTES];
    for (long done = 0; done < bodyBytes; ) {
      int n = (int) Math.min(chunk.length, bodyBytes - done);
      Body.fill(chunk, 0, n, done);
      out.write(chunk, 0, n);
      done += n;
    }
    socket.close();
  }
}
