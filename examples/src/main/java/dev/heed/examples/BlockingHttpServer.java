package dev.heed.examples;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * The java.io form of the same server: blocking {@link Socket}s on loopback, one connection at a
 * time on one thread. Every request is answered with a Content-Length response of {@code bodyBytes}
 * of {@link Body} on a closing connection; how the response is written and the socket closed is the
 * {@link Responder} it is started with.
 */
public final class BlockingHttpServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(BlockingHttpServer.class.getName());
  private static final int MAX_HEAD_BYTES = 8 * 1024;
  private static final int READ_TIMEOUT_MILLIS = 5_000;
  private static final long STOP_TIMEOUT_MILLIS = 5_000;

  private final ServerSocket server;
  private final Responder responder;
  private final long bodyBytes;
  private final Thread loop;

  private BlockingHttpServer(ServerSocket server, Responder responder, long bodyBytes) {
    this.server = server;
    this.responder = responder;
    this.bodyBytes = bodyBytes;
    this.loop = new Thread(this::run, "blocking-http-server");
    loop.setDaemon(true);
  }

  /** Starts a server on a free port of 127.0.0.1 answering with {@code bodyBytes}-byte bodies. */
  public static BlockingHttpServer start(Responder responder, long bodyBytes) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    BlockingHttpServer httpServer = new BlockingHttpServer(server, responder, bodyBytes);
    httpServer.loop.start();
    return httpServer;
  }

  /** The address the server listens on. */
  public InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  /** Stops accepting and waits a few seconds at most for the connection in progress. */
  @Override
  public void close() throws IOException {
    server.close();
    try {
      loop.join(STOP_TIMEOUT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (loop.isAlive()) {
      throw new IllegalStateException("the server did not stop in " + STOP_TIMEOUT_MILLIS + " ms");
    }
  }

  private void run() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (SocketException e) {
        return; // closed
      } catch (IOException e) {
        LOG.log(Level.ERROR, "accept failed", e);
        return;
      }
      try {
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        readHead(socket.getInputStream());
        byte[] head =
            ("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                    + bodyBytes
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(US_ASCII);
        responder.respond(socket, head, bodyBytes);
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "connection failed", e);
        closeQuietly(socket);
      }
    }
  }

  /** Reads up to the blank line that ends a request head; the requests carry no body. */
  private static void readHead(InputStream in) throws IOException {
    byte[] head = new byte[MAX_HEAD_BYTES];
    int length = 0;
    while (!endsHead(head, length)) {
      if (length == head.length) {
        throw new IOException("a request head longer than " + head.length + " bytes");
      }
      int n = in.read(head, length, head.length - length);
      if (n < 0) {
        throw new IOException("the client closed before a request head");
      }
      length += n;
    }
  }

  private static boolean endsHead(byte[] head, int length) {
    return length >= 4
        && head[length - 4] == '\r'
        && head[length - 3] == '\n'
        && head[length - 2] == '\r'
        && head[length - 1] == '\n';
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "close failed", e);
    }
  }
}
