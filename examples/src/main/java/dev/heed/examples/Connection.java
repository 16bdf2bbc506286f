package dev.heed.examples;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Locale;

/**
 * One HTTP/1.1 connection of {@link HttpServer}: a state machine driven by the server's selector.
 * It reads a request head, encodes the response into its write buffer, writes that buffer as the
 * socket accepts it, and then either reads the next request (keep-alive) or hands itself to the
 * server's {@link ShutdownPath} (Connection: close).
 *
 * <p>Every response has a Content-Length, and the connection counts the body bytes the socket
 * accepted; when it closes it reports both in a {@link CloseReport}.
 */
public final class Connection {

  /** Where a connection is in its life. */
  public enum State {
    /** Reading a request head. */
    READING,
    /** Encoding the response into the write buffer, flushing as the buffer fills. */
    WRITING,
    /** The response is encoded; flushing the rest of it before reading the next request. */
    FLUSHING,
    /** The response is encoded and the connection ends after it: the shutdown path runs. */
    CLOSING,
    /** Closed; nothing more happens. */
    CLOSED
  }

  private static final System.Logger LOG = System.getLogger(Connection.class.getName());
  private static final int MAX_HEAD_BYTES = 8 * 1024;
  private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};

  private final long id;
  private final SocketChannel channel;
  private final SelectionKey key;
  private final HttpServer.Options options;
  private final ShutdownPath shutdownPath;
  private final ConnectionListener listener;

  /** Request bytes read so far, in write mode. */
  private final ByteBuffer in = ByteBuffer.allocate(MAX_HEAD_BYTES);

  /** Encoded response bytes not yet written, in read mode (position to limit). */
  private ByteBuffer out = ByteBuffer.allocate(0);

  private State state = State.READING;
  private boolean keepAlive;
  private int responsesCompleted;
  private boolean shutdownStarted;

  // The response in progress.
  private byte[] head = new byte[0];
  private int headEncoded;
  private long contentLength;
  private long bodyEncoded;
  private long bytesWritten;

  Connection(
      long id,
      SocketChannel channel,
      SelectionKey key,
      HttpServer.Options options,
      ShutdownPath shutdownPath,
      ConnectionListener listener) {
    this.id = id;
    this.channel = channel;
    this.key = key;
    this.options = options;
    this.shutdownPath = shutdownPath;
    this.listener = listener;
  }

  /** The connection's number, in accept order from 1. */
  public long id() {
    return id;
  }

  /** Where the connection is in its life. */
  public State state() {
    return state;
  }

  /**
   * Writes as much of the write buffer as the socket accepts now.
   *
   * @return {@link Poll#READY} when the buffer is empty, {@link Poll#PENDING} when the socket is
   *     full and bytes remain: call again when it is writable
   */
  public Poll pollFlush() throws IOException {
    while (out.hasRemaining()) {
      int n = channel.write(out);
      if (n == 0) {
        return Poll.PENDING;
      }
      bytesWritten += n;
    }
    return Poll.READY;
  }

  /**
   * Shuts the connection down and closes it, whatever is still buffered, and reports the bytes
   * written against Content-Length. Closing twice does nothing.
   */
  public void close() {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    try {
      channel.shutdownOutput();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "connection " + id + ": shutdown failed", e);
    }
    try {
      channel.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "connection " + id + ": close failed", e);
    }
    listener.closed(new CloseReport(id, responsesCompleted, contentLength, bodyBytesWritten()));
  }

  /** Makes what progress it can on the socket's readiness, then waits for the next event. */
  void onReady() {
    try {
      State before;
      do {
        before = state;
        switch (state) {
          case READING -> read();
          case WRITING -> write();
          case FLUSHING -> flush();
          case CLOSING -> shutdown();
          case CLOSED -> {}
        }
      } while (state != before && state != State.CLOSED);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "connection " + id + ": I/O failed, closing", e);
      close();
    }
    if (state != State.CLOSED) {
      key.interestOps(state == State.READING ? SelectionKey.OP_READ : SelectionKey.OP_WRITE);
    }
  }

  private void read() throws IOException {
    if (parseHead()) {
      return;
    }
    if (!in.hasRemaining()) {
      respond(400, false, 0); // the head does not fit
      return;
    }
    int n = channel.read(in);
    if (n < 0) {
      state = State.CLOSING; // the peer is done; nothing is buffered, so this just closes
    } else if (n > 0) {
      boolean parsed = parseHead();
      if (!parsed && !in.hasRemaining()) {
        respond(400, false, 0);
      }
    }
  }

  /** Parses a complete request head in {@code in} and starts its response; false if incomplete. */
  private boolean parseHead() {
    int end = indexOf(in.array(), in.position(), END_OF_HEAD);
    if (end < 0) {
      return false;
    }
    String text = new String(in.array(), 0, end, US_ASCII);
    in.flip().position(end + END_OF_HEAD.length);
    in.compact(); // keep a pipelined next request
    String[] lines = text.split("\r\n", -1);
    String[] requestLine = lines[0].split(" ", -1);
    if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
      respond(400, false, 0);
      return true;
    }
    boolean http11 = requestLine[2].equals("HTTP/1.1");
    String connection = "";
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0 && lines[i].substring(0, colon).trim().equalsIgnoreCase("connection")) {
        connection = lines[i].substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      }
    }
    boolean keepAlive =
        http11 ? !hasToken(connection, "close") : hasToken(connection, "keep-alive");
    if (!requestLine[0].equals("GET")) {
      respond(405, false, 0); // no request bodies: this server only serves GET
    } else {
      respond(200, keepAlive, options.bodyBytes());
    }
    return true;
  }

  private void respond(int status, boolean keepAlive, long bodyLength) {
    String reason =
        switch (status) {
          case 200 -> "OK";
          case 400 -> "Bad Request";
          default -> "Method Not Allowed";
        };
    head =
        ("HTTP/1.1 "
                + status
                + " "
                + reason
                + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                + bodyLength
                + "\r\nConnection: "
                + (keepAlive ? "keep-alive" : "close")
                + "\r\n\r\n")
            .getBytes(US_ASCII);
    headEncoded = 0;
    contentLength = bodyLength;
    bodyEncoded = 0;
    bytesWritten = 0;
    long length = head.length + bodyLength;
    int capacity = (int) Math.min(options.writeBufferBytes(), length);
    if (out.capacity() < capacity) {
      out = ByteBuffer.allocate(capacity).flip();
    }
    this.keepAlive = keepAlive;
    state = State.WRITING;
  }

  private void write() throws IOException {
    while (true) {
      encode();
      if (headEncoded == head.length && bodyEncoded == contentLength) {
        // The whole response is in the write buffer: what remains is flushing it.
        state = keepAlive ? State.FLUSHING : State.CLOSING;
        return;
      }
      if (pollFlush() == Poll.PENDING) {
        return; // backpressure: encode more once the socket drains
      }
    }
  }

  /** Moves as much of the response as fits into the write buffer. */
  private void encode() {
    out.compact();
    int n = Math.min(out.remaining(), head.length - headEncoded);
    out.put(head, headEncoded, n);
    headEncoded += n;
    int m = (int) Math.min(out.remaining(), contentLength - bodyEncoded);
    Body.fill(out.array(), out.arrayOffset() + out.position(), m, bodyEncoded);
    out.position(out.position() + m);
    bodyEncoded += m;
    out.flip();
  }

  private void flush() throws IOException {
    if (pollFlush() == Poll.READY) {
      responsesCompleted++;
      contentLength = 0;
      bytesWritten = 0;
      head = new byte[0];
      headEncoded = 0;
      bodyEncoded = 0;
      state = State.READING;
    }
  }

  private void shutdown() throws IOException {
    Poll result = shutdownPath.pollShutdown(this);
    if (!shutdownStarted) {
      shutdownStarted = true;
      listener.shutdownStarted(id, out.remaining());
    }
    if (result == Poll.READY && state != State.CLOSED) {
      throw new IllegalStateException("the shutdown path returned READY without closing");
    }
  }

  private long bodyBytesWritten() {
    return Math.max(0, bytesWritten - head.length);
  }

  private static boolean hasToken(String headerValue, String token) {
    for (String t : headerValue.split(",", -1)) {
      if (t.trim().equals(token)) {
        return true;
      }
    }
    return false;
  }

  /** The index of {@code needle} in {@code a[0, length)}, or -1. */
  private static int indexOf(byte[] a, int length, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (a[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
