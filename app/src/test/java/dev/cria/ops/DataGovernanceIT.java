package dev.cria.ops;

import dev.cria.persistence.TestDatabases;
import java.util.Map;

/** Retention, reset and forgetting a user on the local PostgreSQL (skipped, with why, if none). */
class DataGovernanceIT extends DataGovernanceContract {

  private final String schema = TestDatabases.newSchemaName();

  @Override
  Map<String, Object> datasourceProperties() {
    return TestDatabases.postgres(schema);
  }

  @Override
  void cleanUp() {
    TestDatabases.dropSchema(schema);
  }
}
