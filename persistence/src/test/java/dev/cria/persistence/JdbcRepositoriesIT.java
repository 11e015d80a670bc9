package dev.cria.persistence;

import java.util.Map;

/** The repository contract on the local PostgreSQL (skipped, with the reason, when none). */
class JdbcRepositoriesIT extends RepositoryContract {

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
