package dev.cria.llama;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A response body that gives up when no byte arrives for a while. The JDK client's request timeout
 * only covers the wait for the response headers; a stream that stalls afterwards would block its
 * reader forever. A shared timer closes a stalled body, which wakes the reader with {@link
 * IdleTimeoutException}.
 */
final class IdleTimeoutInputStream extends FilterInputStream {

  /** No byte arrived within the idle timeout. */
  static final class IdleTimeoutException extends IOException {
    IdleTimeoutException(Duration idle) {
      super("no data from the model API for " + idle.toMillis() + " ms");
    }
  }

  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private final Duration idle;
  private volatile long lastActivity = System.nanoTime();
  private volatile boolean timedOut;
  private volatile boolean closed;
  private volatile ScheduledFuture<?> check;

  IdleTimeoutInputStream(InputStream in, Duration idle) {
    super(in);
    this.idle = idle;
    check = TIMER.schedule(this::check, idle.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int read = read(one, 0, 1);
    return read < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int read;
    try {
      read = super.read(buffer, offset, length);
    } catch (IOException e) {
      throw timedOut ? new IdleTimeoutException(idle) : e;
    }
    if (timedOut) {
      throw new IdleTimeoutException(idle);
    }
    lastActivity = System.nanoTime();
    return read;
  }

  @Override
  public void close() {
    closed = true;
    check.cancel(false);
    try {
      super.close();
    } catch (IOException ignored) {
      // closing a response body early only drops the connection
    }
  }

  private void check() {
    if (closed) {
      return;
    }
    long quiet = System.nanoTime() - lastActivity;
    if (quiet < idle.toNanos()) {
      check = TIMER.schedule(this::check, idle.toNanos() - quiet, TimeUnit.NANOSECONDS);
      return;
    }
    timedOut = true;
    try {
      in.close();
    } catch (IOException ignored) {
      // the reader is told by the flag
    }
  }

  private static ScheduledThreadPoolExecutor timer() {
    var timer =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("cria-llama-idle-timer").factory());
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
