package dev.cria.slack;

import dev.cria.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ImageFollowUpAfterRestart} on PostgreSQL; skipped with the reason when none is reachable.
 */
class ImageFollowUpAfterRestartIT {

  private final String schema = TestDatabases.newSchemaName();

  @AfterEach
  void drop() {
    TestDatabases.dropSchema(schema);
  }

  @Test
  void aFollowUpAfterARestartStillSeesTheImage() throws Exception {
    ImageFollowUpAfterRestart.check(TestDatabases.postgres(schema));
  }
}
