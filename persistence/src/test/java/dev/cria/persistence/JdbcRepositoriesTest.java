package dev.cria.persistence;

import java.util.Map;

/** The repository contract on an in-memory H2 database in PostgreSQL mode. */
class JdbcRepositoriesTest extends RepositoryContract {

  @Override
  Map<String, Object> datasourceProperties() {
    return TestDatabases.h2();
  }
}
