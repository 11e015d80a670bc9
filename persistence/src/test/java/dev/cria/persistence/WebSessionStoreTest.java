package dev.cria.persistence;

import java.util.Map;

/** The web session store on an in-memory H2 database in PostgreSQL mode. */
class WebSessionStoreTest extends WebSessionStoreContract {

  @Override
  Map<String, Object> datasourceProperties() {
    return TestDatabases.h2();
  }
}
