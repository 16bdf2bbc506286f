package dev.heed.examples;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Records what a server tells its listener, for the test thread to wait on (bounded). */
final class Recorder implements ConnectionListener {
  private final CountDownLatch shutdownStarted = new CountDownLatch(1);
  private final AtomicLong bufferedAtShutdown = new AtomicLong(-1);
  private final BlockingQueue<CloseReport> closed = new LinkedBlockingQueue<>();
  private final ConnectionListener next;

  Recorder() {
    this(new ConnectionListener() {});
  }

  /** Records, then passes each event on to {@code next}. */
  Recorder(ConnectionListener next) {
    this.next = next;
  }

  @Override
  public void shutdownStarted(long connectionId, long bufferedBytes) {
    bufferedAtShutdown.compareAndSet(-1, bufferedBytes);
    shutdownStarted.countDown();
    next.shutdownStarted(connectionId, bufferedBytes);
  }

  @Override
  public void closed(CloseReport report) {
    closed.add(report);
    next.closed(report);
  }

  /** Waits until the first connection has run its shutdown path once. */
  void awaitShutdownStarted() throws InterruptedException {
    if (!shutdownStarted.await(SlowClient.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the server never reached its shutdown path");
    }
  }

  /** The response bytes the first connection still held after its first shutdown run. */
  long bufferedAtShutdown() {
    return bufferedAtShutdown.get();
  }

  /** The next connection's close report. */
  CloseReport awaitClosed() throws InterruptedException {
    CloseReport report = closed.poll(SlowClient.READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    if (report == null) {
      throw new AssertionError("no connection closed");
    }
    return report;
  }
}
