package dev.cria.ops;

import dev.cria.persistence.TestDatabases;
import java.util.Map;

/** Retention, reset and forgetting a user on H2. */
class DataGovernanceTest extends DataGovernanceContract {

  @Override
  Map<String, Object> datasourceProperties() {
    return TestDatabases.h2();
  }
}
