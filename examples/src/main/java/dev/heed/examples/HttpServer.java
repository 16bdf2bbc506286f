package dev.heed.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A small non-blocking HTTP/1.1 server on loopback: one {@link Selector} thread, no framework.
 * Every GET is answered with {@link Options#bodyBytes} bytes of {@link Body}, with a
 * Content-Length, on a keep-alive or a closing connection as the request asks. How a closing
 * connection ends is the {@link ShutdownPath} it is started with.
 */
public final class HttpServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(HttpServer.class.getName());
  private static final long SELECT_TIMEOUT_MILLIS = 100;
  private static final long STOP_TIMEOUT_MILLIS = 5_000;

  /**
   * What the server serves and how it buffers.
   *
   * @param bodyBytes the size of every response body
   * @param sendBufferBytes {@code SO_SNDBUF} for accepted sockets, 0 for the system's default
   *     (which Linux tunes automatically); Linux doubles what is asked
   * @param writeBufferBytes the most response bytes a connection holds before it waits for the
   *     socket to drain; a response that fits is encoded whole, as a server does with a full body
   */
  public record Options(long bodyBytes, int sendBufferBytes, int writeBufferBytes) {

    /** Large enough to hold any body the examples serve, so the whole response is buffered. */
    public static final int DEFAULT_WRITE_BUFFER_BYTES = 16 * 1024 * 1024;

    /** Validates the sizes. */
    public Options {
      if (bodyBytes < 0 || sendBufferBytes < 0 || writeBufferBytes <= 0) {
        throw new IllegalArgumentException(
            "bad sizes: body "
                + bodyBytes
                + ", send buffer "
                + sendBufferBytes
                + ", write buffer "
                + writeBufferBytes);
      }
    }

    /** Bodies of {@code bodyBytes}, the system's socket buffers, a whole-body write buffer. */
    public static Options bodyOf(long bodyBytes) {
      return new Options(bodyBytes, 0, DEFAULT_WRITE_BUFFER_BYTES);
    }

    /** These options with {@code SO_SNDBUF} set to {@code bytes} (0: the system's default). */
    public Options withSendBuffer(int bytes) {
      return new Options(bodyBytes, bytes, writeBufferBytes);
    }

    /** These options with a write buffer of {@code bytes}. */
    public Options withWriteBuffer(int bytes) {
      return new Options(bodyBytes, sendBufferBytes, bytes);
    }
  }

  private final Selector selector;
  private final ServerSocketChannel server;
  private final Options options;
  private final ShutdownPath shutdownPath;
  private final ConnectionListener listener;
  private final Thread loop;
  private volatile boolean running = true;
  private long accepted;

  private HttpServer(
      Selector selector,
      ServerSocketChannel server,
      Options options,
      ShutdownPath shutdownPath,
      ConnectionListener listener) {
    this.selector = selector;
    this.server = server;
    this.options = options;
    this.shutdownPath = shutdownPath;
    this.listener = listener;
    this.loop = new Thread(this::run, "heed-example-http");
    loop.setDaemon(true);
  }

  /** Starts a server that logs truncated responses ({@link ConnectionListener#LOG_TRUNCATIONS}). */
  public static HttpServer start(ShutdownPath shutdownPath, Options options) throws IOException {
    return start(shutdownPath, options, ConnectionListener.LOG_TRUNCATIONS);
  }

  /** Starts a server on a free port of 127.0.0.1 that tells {@code listener} about connections. */
  public static HttpServer start(
      ShutdownPath shutdownPath, Options options, ConnectionListener listener) throws IOException {
    Selector selector = Selector.open();
    ServerSocketChannel server = ServerSocketChannel.open();
    try {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException | RuntimeException e) {
      server.close();
      selector.close();
      throw e;
    }
    HttpServer httpServer = new HttpServer(selector, server, options, shutdownPath, listener);
    httpServer.loop.start();
    return httpServer;
  }

  /** The address the server listens on. */
  public InetSocketAddress address() {
    try {
      return (InetSocketAddress) server.getLocalAddress();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server and closes every connection, waiting a few seconds at most. */
  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      loop.join(STOP_TIMEOUT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (loop.isAlive()) {
      throw new IllegalStateException(
          "the server loop did not stop in " + STOP_TIMEOUT_MILLIS + " ms");
    }
  }

  private void run() {
    try {
      while (running) {
        selector.select(this::dispatch, SELECT_TIMEOUT_MILLIS);
      }
    } catch (IOException e) {
      LOG.log(Level.ERROR, "the server loop failed", e);
    } finally {
      closeAll();
    }
  }

  private void dispatch(SelectionKey key) {
    if (!key.isValid()) {
      return;
    }
    if (key.isAcceptable()) {
      accept();
      return;
    }
    Connection connection = (Connection) key.attachment();
    try {
      connection.onReady();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "connection " + connection.id() + " failed", e);
      connection.close();
    }
  }

  private void accept() {
    SocketChannel channel = null;
    try {
      channel = server.accept();
      if (channel == null) {
        return;
      }
      channel.configureBlocking(false);
      // As HTTP servers do: without it, small writes wait on the peer's delayed ACKs (Nagle).
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      if (options.sendBufferBytes() > 0) {
        channel.setOption(StandardSocketOptions.SO_SNDBUF, options.sendBufferBytes());
      }
      SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
      key.attach(new Connection(++accepted, channel, key, options, shutdownPath, listener));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "accept failed", e);
      closeQuietly(channel);
    }
  }

  private void closeAll() {
    for (SelectionKey key : selector.keys()) {
      if (key.attachment() instanceof Connection connection) {
        connection.close();
      }
    }
    closeQuietly(server);
    closeQuietly(selector);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.log(Level.DEBUG, "close failed", e);
    }
  }
}
