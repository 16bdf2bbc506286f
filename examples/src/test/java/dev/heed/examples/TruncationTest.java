package dev.heed.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hyper bug on a real loopback socket. The server's send buffer and the client's receive buffer
 * are small, and the body is much larger than both together, so the first flush of the shutdown
 * path cannot write it all. The client reads nothing until the server has run its shutdown path
 * once (a client slower than the server, made exact so the test cannot flake), then reads slowly.
 */
@Timeout(20)
class TruncationTest {
  private static final int BODY_BYTES = 256 * 1024;
  private static final int SEND_BUFFER_BYTES = 8 * 1024;
  private static final int RECEIVE_BUFFER_BYTES = 8 * 1024;

  private static final HttpServer.Options SERVER =
      HttpServer.Options.bodyOf(BODY_BYTES).withSendBuffer(SEND_BUFFER_BYTES);
  private static final SlowClient.Settings CLIENT =
      SlowClient.Settings.fast().withReceiveBuffer(RECEIVE_BUFFER_BYTES).withReadDelay(1);

  @Test
  void buggyServerTruncatesTheResponse() throws Exception {
    Recorder recorder = new Recorder(ConnectionListener.LOG_TRUNCATIONS);
    SlowClient.Response response;
    try (HttpServer server =
        HttpServer.start(new dev.heed.examples.buggy.Shutdown(), SERVER, recorder)) {
      response = SlowClient.fetch(server.address(), CLIENT, recorder::awaitShutdownStarted).only();
    }
    CloseReport report = recorder.awaitClosed();

    assertEquals(BODY_BYTES, response.contentLength());
    assertTrue(
        response.bodyBytes() < BODY_BYTES,
        "the buggy server should have cut the body short, but it delivered all of it");
    // What arrived is an intact prefix: exactly the bytes the socket accepted before the close.
    assertEquals(Body.crc32(response.bodyBytes()), response.crc32());
    assertEquals(report.bodyBytesWritten(), response.bodyBytes());
    // The rest was still in the connection's write buffer when the shutdown path closed it.
    assertEquals(BODY_BYTES - response.bodyBytes(), recorder.bufferedAtShutdown());
    // And the integrity signal says so, in counts only.
    assertTrue(report.truncated());
    assertEquals(BODY_BYTES - response.bodyBytes(), report.missingBytes());
  }

  @Test
  void fixedServerDeliversEveryByte() throws Exception {
    Recorder recorder = new Recorder();
    SlowClient.Response response;
    try (HttpServer server =
        HttpServer.start(new dev.heed.examples.fixed.Shutdown(), SERVER, recorder)) {
      response = SlowClient.fetch(server.address(), CLIENT, recorder::awaitShutdownStarted).only();
    }
    CloseReport report = recorder.awaitClosed();

    // The same situation as the buggy run: the first flush of the shutdown path was PENDING.
    assertTrue(recorder.bufferedAtShutdown() > 0, "the first shutdown flush should be PENDING");
    assertEquals(BODY_BYTES, response.contentLength());
    assertEquals(BODY_BYTES, response.bodyBytes());
    assertEquals(Body.crc32(BODY_BYTES), response.crc32());
    assertFalse(report.truncated(), () -> report.toString());
    assertEquals(BODY_BYTES, report.bodyBytesWritten());
  }

  @Test
  void hyperShapedShutdownTruncatesTheResponseToo() throws Exception {
    Recorder recorder = new Recorder();
    SlowClient.Response response;
    try (HttpServer server =
        HttpServer.start(new dev.heed.examples.buggy.HyperShutdown(), SERVER, recorder)) {
      response = SlowClient.fetch(server.address(), CLIENT, recorder::awaitShutdownStarted).only();
    }
    CloseReport report = recorder.awaitClosed();

    assertTrue(response.bodyBytes() < BODY_BYTES, response::toString);
    assertEquals(Body.crc32(response.bodyBytes()), response.crc32());
    assertEquals(BODY_BYTES - response.bodyBytes(), report.missingBytes());
  }

  @Test
  void hyperShapedShutdownFixedDeliversEveryByte() throws Exception {
    Recorder recorder = new Recorder();
    SlowClient.Response response;
    try (HttpServer server =
        HttpServer.start(new dev.heed.examples.fixed.HyperShutdown(), SERVER, recorder)) {
      response = SlowClient.fetch(server.address(), CLIENT, recorder::awaitShutdownStarted).only();
    }

    assertTrue(recorder.bufferedAtShutdown() > 0, "the first shutdown flush should be PENDING");
    assertTrue(response.intact(), response::toString);
    assertFalse(recorder.awaitClosed().truncated());
  }

  /**
   * The java.io server: the buggy responder closes the socket beneath its BufferedOutputStream, so
   * what the buffer still holds never reaches the socket, whatever the client's speed. The peer
   * gets an intact prefix, short by less than one buffer.
   */
  @Test
  void blockingServerLosesWhatItsBufferStillHolds() throws Exception {
    SlowClient.Response response;
    try (BlockingHttpServer server =
        BlockingHttpServer.start(new dev.heed.examples.buggy.BlockingResponder(), BODY_BYTES)) {
      response = SlowClient.fetch(server.address(), SlowClient.Settings.fast()).only();
    }

    assertEquals(BODY_BYTES, response.contentLength());
    assertTrue(response.bodyBytes() < BODY_BYTES, "the buggy responder delivered every byte");
    assertTrue(BODY_BYTES - response.bodyBytes() <= Responder.BUFFER_BYTES, response::toString);
    assertEquals(Body.crc32(response.bodyBytes()), response.crc32());
    System.out.println(
        "java.io buggy: delivered "
            + response.bodyBytes()
            + " of "
            + BODY_BYTES
            + " body bytes (Content-Length)");
  }

  @Test
  void blockingServerFixedDeliversEveryByte() throws Exception {
    SlowClient.Response response;
    try (BlockingHttpServer server =
        BlockingHttpServer.start(new dev.heed.examples.fixed.BlockingResponder(), BODY_BYTES)) {
      response = SlowClient.fetch(server.address(), SlowClient.Settings.fast()).only();
    }

    assertEquals(BODY_BYTES, response.bodyBytes());
    assertEquals(Body.crc32(BODY_BYTES), response.crc32());
    System.out.println("java.io fixed: delivered " + response.bodyBytes() + " of " + BODY_BYTES);
  }

  /**
   * Keep-alive responses never go through the shutdown path, so both variants deliver them intact,
   * even with a write buffer smaller than the body (the server then waits for the socket to drain
   * between chunks).
   */
  @ParameterizedTest(name = "buggy={0}")
  @ValueSource(booleans = {true, false})
  void keepAliveResponsesAreIntactInBothVariants(boolean buggy) throws Exception {
    ShutdownPath path =
        buggy ? new dev.heed.examples.buggy.Shutdown() : new dev.heed.examples.fixed.Shutdown();
    Recorder recorder = new Recorder();
    List<SlowClient.Response> responses;
    try (HttpServer server = HttpServer.start(path, SERVER.withWriteBuffer(16 * 1024), recorder)) {
      responses = SlowClient.fetch(server.address(), CLIENT.withKeepAlive(2)).responses();
    }
    CloseReport report = recorder.awaitClosed();

    assertEquals(2, responses.size());
    for (SlowClient.Response response : responses) {
      assertTrue(response.intact(), response::toString);
    }
    assertEquals(2, report.responsesCompleted());
    assertFalse(report.truncated(), report::toString);
  }
}
