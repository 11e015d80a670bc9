package dev.cria.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface WebSessionRepository extends CrudRepository<WebSessionRow, String> {

  @Query("DELETE FROM web_session WHERE expires_at < :now")
  int deleteExpired(Instant now);
}
