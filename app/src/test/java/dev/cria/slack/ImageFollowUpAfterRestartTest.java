package dev.cria.slack;

import dev.cria.persistence.TestDatabases;
import org.junit.jupiter.api.Test;

/** {@link ImageFollowUpAfterRestart} on H2 (in memory, kept across the restart). */
class ImageFollowUpAfterRestartTest {

  @Test
  void aFollowUpAfterARestartStillSeesTheImage() throws Exception {
    ImageFollowUpAfterRestart.check(TestDatabases.h2());
  }
}
