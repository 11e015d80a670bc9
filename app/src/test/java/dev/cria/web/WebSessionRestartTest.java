package dev.cria.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.persistence.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A login survives a restart: the session is in the database (only its cookie's SHA-256), so a
 * second application context on the same H2 file lets the same cookie in, and a logout on it ends
 * the session everywhere.
 */
class WebSessionRestartTest {

  private static final String PASSWORD = "correct horse battery staple";

  @TempDir Path dir;

  @Test
  void aSessionCookieStillWorksAfterTheApplicationRestartsOnTheSameDatabase() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("cria") + ";" + TestDatabases.H2_OPTIONS;
    String cookie;
    try (EmbeddedServer first = start(url)) {
      WebClient browser = new WebClient(first.getURI());
      String csrf = WebClient.csrf(browser.get("/login").body());
      assertEquals(
          303, browser.post("/login", Map.of("csrf", csrf, "password", PASSWORD)).statusCode());
      cookie = browser.cookie(WebSessions.COOKIE);
      assertNotNull(cookie);
    }
    List<String> stored = sessionRows(url);
    assertEquals(List.of(WebSessions.hash(cookie)), stored, "only the hash is stored");
    assertFalse(stored.contains(cookie));

    try (EmbeddedServer second = start(url)) {
      WebClient sameBrowser = new WebClient(second.getURI());
      sameBrowser.cookie(WebSessions.COOKIE, cookie);
      HttpResponse<String> home = sameBrowser.get("/");
      assertEquals(200, home.statusCode(), home.body());
      String csrf = WebClient.csrf(home.body());

      assertEquals(303, sameBrowser.post("/logout", Map.of("csrf", csrf)).statusCode());

      WebClient replayed = new WebClient(second.getURI());
      replayed.cookie(WebSessions.COOKIE, cookie);
      assertEquals(303, replayed.get("/").statusCode(), "logged out: back to the login page");
    }
    assertTrue(sessionRows(url).isEmpty());
  }

  private static EmbeddedServer start(String url) {
    Map<String, Object> properties = new HashMap<>(TestDatabases.h2());
    properties.put("datasources.default.url", url);
    properties.put("micronaut.server.port", -1);
    properties.put("cria.web.password-hash", PasswordHash.hash(PASSWORD));
    return ApplicationContext.run(EmbeddedServer.class, properties);
  }

  private static List<String> sessionRows(String url) throws SQLException {
    List<String> hashes = new ArrayList<>();
    try (var connection = DriverManager.getConnection(url, "sa", "");
        var rows = connection.createStatement().executeQuery("SELECT id_hash FROM web_session")) {
      while (rows.next()) {
        hashes.add(rows.getString(1));
      }
    }
    return hashes;
  }
}
