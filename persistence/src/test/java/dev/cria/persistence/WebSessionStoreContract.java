package dev.cria.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.WebSessionStore;
import dev.cria.chat.WebSessionStore.StoredWebSession;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web session store, on H2 and on PostgreSQL by the two subclasses. */
abstract class WebSessionStoreContract {

  private static final String HASH = "a".repeat(64);

  private ApplicationContext context;
  private WebSessionStore store;

  abstract Map<String, Object> datasourceProperties();

  void cleanUp() {}

  @BeforeEach
  void start() {
    context = ApplicationContext.run(datasourceProperties());
    store = context.getBean(WebSessionStore.class);
  }

  @AfterEach
  void stop() {
    context.close();
    cleanUp();
  }

  @Test
  void aSavedSessionIsFoundByItsHashWithItsCsrfTokenUserAndExpiry() {
    Instant expires = now().plusSeconds(3600);
    store.save(new StoredWebSession(HASH, "csrf-token", "ada@example.com", false, expires));

    assertEquals(
        Optional.of(new StoredWebSession(HASH, "csrf-token", "ada@example.com", false, expires)),
        store.find(HASH));
    assertEquals(Optional.empty(), store.find("b".repeat(64)));
  }

  @Test
  void aDeletedSessionIsGone() {
    store.save(new StoredWebSession(HASH, "csrf", "admin", true, now().plusSeconds(60)));

    store.delete(HASH);

    assertTrue(store.find(HASH).isEmpty());
  }

  @Test
  void onlyExpiredSessionsArePurged() {
    String expired = "e".repeat(64);
    String current = "c".repeat(64);
    store.save(new StoredWebSession(expired, "csrf", "admin", true, now().minusSeconds(1)));
    store.save(new StoredWebSession(current, "csrf", "admin", true, now().plusSeconds(3600)));

    assertEquals(1, store.deleteExpired(now()));

    assertEquals(
        List.of(false, true),
        List.of(store.find(expired).isPresent(), store.find(current).isPresent()));
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
