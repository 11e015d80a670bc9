package dev.cria.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ModerationDecisionRepository extends CrudRepository<ModerationDecisionRow, Long> {

  List<ModerationDecisionRow> findByConversationKeyOrderById(String conversationKey);
}
