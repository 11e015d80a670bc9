package dev.cria.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeLlamaApi;
import dev.cria.fakes.FakeSlackMessage;
import dev.cria.process.CriaProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, as {@code docker stop} and the kubelet send it, while the model is still streaming an
 * answer: the jar stops taking work but delivers the answer before it exits.
 */
class GracefulShutdownIT {

  private static final String THREAD = "1700000200.000100";

  @TempDir Path work;
  private CriaStack stack;

  @BeforeEach
  void start() {
    stack = new CriaStack(work);
  }

  @AfterEach
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void anAnswerInFlightWhenSigtermArrivesIsStillDelivered() throws Exception {
    try (CriaProcess cria =
        CriaProcess.start(
            CriaJar.current(), stack.environment(), work.resolve("cria.log"), CriaStack.STARTUP)) {
      // The fake Llama API waits 300 ms before each two-word chunk: about three seconds in all.
      stack.mention(
          cria,
          "EvSTOP1",
          THREAD,
          null,
          "[[slow:300]] please count the alpacas in the field slowly");
      stack.llama.await(
          request -> request.endpoint().equals(FakeLlamaApi.CHAT), Duration.ofSeconds(30));

      int status = cria.terminate(Duration.ofSeconds(60));

      FakeSlackMessage answer =
          stack
              .answer(THREAD, "alpacas in the field slowly")
              .orElseThrow(() -> new AssertionError("not delivered before exit:\n" + cria.log()));
      assertTrue(answer.text().contains("Echo:"), answer.text());
      assertEquals(143, status, "SIGTERM exit status");
      assertTrue(
          cria.log().contains("Shutting down: 1 answers in flight"),
          "the answer was not in flight at SIGTERM:\n" + cria.log());
    }
  }
}
