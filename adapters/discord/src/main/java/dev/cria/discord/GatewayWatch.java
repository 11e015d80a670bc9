package dev.cria.discord;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.CloseCode;

/**
 * Waits for every shard of one connection attempt to be ready, or for the gateway to refuse it
 * (e.g. close code 4014 when the Message Content intent is not enabled in the Developer Portal).
 */
final class GatewayWatch implements EventListener {

  /** How the wait ended. */
  enum Outcome {
    READY,
    DISALLOWED_INTENTS,
    CLOSED,
    TIMED_OUT
  }

  private final CountDownLatch ready;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicReference<CloseCode> closeCode = new AtomicReference<>();

  GatewayWatch(int shards) {
    this.ready = new CountDownLatch(shards);
  }

  @Override
  public void onEvent(GenericEvent event) {
    if (event instanceof ReadyEvent) {
      ready.countDown();
    } else if (event instanceof ShutdownEvent shutdown) {
      closeCode.set(shutdown.getCloseCode());
      closed.countDown();
    }
  }

  Outcome await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (ready.await(50, TimeUnit.MILLISECONDS)) {
        return Outcome.READY;
      }
      if (closed.getCount() == 0) {
        return closeCode.get() == CloseCode.DISALLOWED_INTENTS
            ? Outcome.DISALLOWED_INTENTS
            : Outcome.CLOSED;
      }
    }
    return Outcome.TIMED_OUT;
  }

  CloseCode closeCode() {
    return closeCode.get();
  }
}
