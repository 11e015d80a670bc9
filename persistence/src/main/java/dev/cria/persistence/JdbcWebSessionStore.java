package dev.cria.persistence;

import dev.cria.chat.WebSessionStore;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/** The web sessions in the {@code web_session} table, on H2 or PostgreSQL. */
@Singleton
class JdbcWebSessionStore implements WebSessionStore {

  private final WebSessionRepository sessions;

  JdbcWebSessionStore(WebSessionRepository sessions) {
    this.sessions = sessions;
  }

  @Override
  public void save(StoredWebSession session) {
    sessions.save(
        new WebSessionRow(
            session.idHash(),
            session.csrf(),
            session.user(),
            session.admin(),
            Instant.now(),
            session.expiresAt()));
  }

  @Override
  public Optional<StoredWebSession> find(String idHash) {
    return sessions
        .findById(idHash)
        .map(
            row ->
                new StoredWebSession(
                    row.idHash(), row.csrf(), row.userId(), row.admin(), row.expiresAt()));
  }

  @Override
  public void delete(String idHash) {
    sessions.deleteById(idHash);
  }

  @Override
  public int deleteExpired(Instant now) {
    return sessions.deleteExpired(now);
  }
}
