package dev.cria.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.cria.persistence.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one PostgreSQL (skipped, with the reason, when none): a login on one is a login
 * on the other, with no sticky sessions, and a logout on either ends it on both.
 */
class WebSessionReplicasIT {

  private static final String PASSWORD = "correct horse battery staple";

  private final String schema = TestDatabases.newSchemaName();

  @AfterEach
  void dropSchema() {
    TestDatabases.dropSchema(schema);
  }

  @Test
  void aLoginOnOneReplicaWorksOnTheOtherUntilItLogsOut() {
    Map<String, Object> properties = new HashMap<>(TestDatabases.postgres(schema));
    properties.put("micronaut.server.port", -1);
    properties.put("cria.web.password-hash", PasswordHash.hash(PASSWORD));
    try (EmbeddedServer one = ApplicationContext.run(EmbeddedServer.class, properties);
        EmbeddedServer two = ApplicationContext.run(EmbeddedServer.class, properties)) {
      WebClient onOne = new WebClient(one.getURI());
      String loginCsrf = WebClient.csrf(onOne.get("/login").body());
      assertEquals(
          303, onOne.post("/login", Map.of("csrf", loginCsrf, "password", PASSWORD)).statusCode());
      String cookie = onOne.cookie(WebSessions.COOKIE);
      assertNotNull(cookie);

      WebClient onTwo = new WebClient(two.getURI());
      onTwo.cookie(WebSessions.COOKIE, cookie);
      HttpResponse<String> home = onTwo.get("/admin");
      assertEquals(200, home.statusCode(), home.body());
      assertEquals(
          303, onTwo.post("/logout", Map.of("csrf", WebClient.csrf(home.body()))).statusCode());

      assertEquals(303, onOne.get("/").statusCode(), "logged out on the other replica too");
    }
  }
}
