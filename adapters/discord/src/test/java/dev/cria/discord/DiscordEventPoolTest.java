package dev.cria.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DiscordEventPoolTest {

  @Test
  void aFullPoolMakesTheGatewayReaderWaitAndLosesNoEvent() throws Exception {
    DiscordEventPool pool = new DiscordEventPool(3);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger ran = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      pool.execute(
          () -> {
            try {
              release.await();
              ran.incrementAndGet();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    assertEquals(3, pool.inFlight());
    CountDownLatch handedOver = new CountDownLatch(1);
    Thread gatewayReader =
        Thread.ofVirtual()
            .start(
                () -> {
                  pool.execute(ran::incrementAndGet);
                  handedOver.countDown();
                });
    assertFalse(handedOver.await(200, TimeUnit.MILLISECONDS), "the fourth event waits for room");
    release.countDown();
    assertTrue(handedOver.await(5, TimeUnit.SECONDS));
    gatewayReader.join();
    pool.shutdown();
    assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
    assertEquals(4, ran.get());
    assertEquals(0, pool.inFlight());
  }
}
