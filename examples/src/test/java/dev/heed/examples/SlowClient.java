package dev.heed.examples;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * A blocking HTTP/1.1 client on loopback that can be as slow as a far-away or busy peer: a small
 * receive buffer (set before connect, so the window it advertises is small from the start) and a
 * pause before each read. Every wait is bounded by {@link #READ_TIMEOUT_MILLIS}.
 */
final class SlowClient {
  static final int READ_TIMEOUT_MILLIS = 5_000;
  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

  /**
   * How the client behaves.
   *
   * @param receiveBufferBytes {@code SO_RCVBUF} asked before connect, 0 for the system's default
   * @param readChunkBytes the most bytes one read asks for
   * @param readDelayMillis a pause before every read
   * @param keepAlive whether requests ask for keep-alive rather than Connection: close
   * @param requests how many requests to send on the connection, one after another
   */
  record Settings(
      int receiveBufferBytes,
      int readChunkBytes,
      long readDelayMillis,
      boolean keepAlive,
      int requests) {

    static Settings fast() {
      return new Settings(0, 16 * 1024, 0, false, 1);
    }

    Settings withReceiveBuffer(int bytes) {
      return new Settings(bytes, readChunkBytes, readDelayMillis, keepAlive, requests);
    }

    Settings withReadDelay(long millis) {
      return new Settings(receiveBufferBytes, readChunkBytes, millis, keepAlive, requests);
    }

    Settings withKeepAlive(int requests) {
      return new Settings(receiveBufferBytes, readChunkBytes, readDelayMillis, true, requests);
    }
  }

  /**
   * One response as received.
   *
   * @param status the status code
   * @param contentLength the Content-Length header
   * @param bodyBytes body bytes received before Content-Length was reached or the server closed
   * @param crc32 the CRC-32 of those bytes
   */
  record Response(int status, long contentLength, long bodyBytes, long crc32) {
    boolean truncated() {
      return bodyBytes < contentLength;
    }

    boolean intact() {
      return bodyBytes == contentLength && crc32 == Body.crc32(contentLength);
    }
  }

  /** What happened on the connection. */
  record Result(List<Response> responses, int receiveBufferBytes) {
    Response only() {
      if (responses.size() != 1) {
        throw new AssertionError("expected one response, got " + responses);
      }
      return responses.get(0);
    }
  }

  /** Something to wait for after the first request is sent and before the first read. */
  interface Gate {
    void await() throws InterruptedException;
  }

  private SlowClient() {}

  static Result fetch(InetSocketAddress server, Settings settings) throws IOException {
    try {
      return fetch(server, settings, () -> {});
    } catch (InterruptedException e) {
      throw new AssertionError("an open gate cannot be interrupted", e);
    }
  }

  static Result fetch(InetSocketAddress server, Settings settings, Gate beforeFirstRead)
      throws IOException, InterruptedException {
    try (Socket socket = new Socket()) {
      if (settings.receiveBufferBytes() > 0) {
        socket.setReceiveBufferSize(settings.receiveBufferBytes());
      }
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      socket.connect(server, CONNECT_TIMEOUT_MILLIS);
      Reader reader = new Reader(socket.getInputStream(), settings);
      OutputStream out = socket.getOutputStream();
      String request =
          "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: "
              + (settings.keepAlive() ? "keep-alive" : "close")
              + "\r\n\r\n";
      List<Response> responses = new ArrayList<>();
      for (int i = 0; i < settings.requests(); i++) {
        out.write(request.getBytes(US_ASCII));
        out.flush();
        if (i == 0) {
          beforeFirstRead.await();
        }
        Response response = reader.response();
        responses.add(response);
        if (response.truncated()) {
          break;
        }
      }
      return new Result(responses, socket.getReceiveBufferSize());
    }
  }

  /** Reads responses, pausing before each read of the socket. */
  private static final class Reader {
    private final InputStream in;
    private final Settings settings;
    private final byte[] buffer;
    private int start;
    private int end;
    private boolean eof;

    Reader(InputStream in, Settings settings) {
      this.in = in;
      this.settings = settings;
      this.buffer = new byte[Math.max(settings.readChunkBytes(), 16 * 1024) * 2];
    }

    Response response() throws IOException, InterruptedException {
      String head = head();
      String[] lines = head.split("\r\n", -1);
      int status = Integer.parseInt(lines[0].split(" ", -1)[1]);
      long contentLength = -1;
      for (String line : lines) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          contentLength = Long.parseLong(line.substring("content-length:".length()).trim());
        }
      }
      if (contentLength < 0) {
        throw new IOException("no Content-Length in " + head);
      }
      CRC32 crc = new CRC32();
      long received = 0;
      while (received < contentLength) {
        if (start == end && !fill()) {
          break; // the server closed early
        }
        int n = (int) Math.min(end - start, contentLength - received);
        crc.update(buffer, start, n);
        start += n;
        received += n;
      }
      return new Response(status, contentLength, received, crc.getValue());
    }

    private String head() throws IOException, InterruptedException {
      while (true) {
        for (int i = start; i + 4 <= end; i++) {
          if (buffer[i] == '\r'
              && buffer[i + 1] == '\n'
              && buffer[i + 2] == '\r'
              && buffer[i + 3] == '\n') {
            String head = new String(buffer, start, i - start, US_ASCII);
            start = i + 4;
            return head;
          }
        }
        if (!fill()) {
          throw new IOException("the server closed before a response head");
        }
      }
    }

    /** Reads one chunk after the pause; false at end of stream. */
    private boolean fill() throws IOException, InterruptedException {
      if (eof) {
        return false;
      }
      if (start == end) {
        start = 0;
        end = 0;
      } else if (buffer.length - end < settings.readChunkBytes()) {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
      }
      if (end == buffer.length) {
        throw new IOException("a response head longer than " + buffer.length + " bytes");
      }
      if (settings.readDelayMillis() > 0) {
        Thread.sleep(settings.readDelayMillis());
      }
      int n = in.read(buffer, end, Math.min(settings.readChunkBytes(), buffer.length - end));
      if (n < 0) {
        eof = true;
        return false;
      }
      end += n;
      return true;
    }
  }
}
