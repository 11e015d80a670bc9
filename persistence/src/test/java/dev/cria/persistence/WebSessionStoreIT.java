package dev.cria.persistence;

import java.util.Map;

/** The web session store on the local PostgreSQL (skipped, with the reason, when none). */
class WebSessionStoreIT extends WebSessionStoreContract {

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
