package dev.cria.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.chat.Platform;
import dev.cria.core.ReplyPorts;
import dev.cria.persistence.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code CRIA_WEB=off}: no page, no login, and web events are not claimed. */
class WebSwitchedOffTest {

  @Test
  void everyWebPageIsGoneAndNoWebReplyPortRuns() {
    Map<String, Object> properties = new HashMap<>(TestDatabases.h2());
    properties.put("micronaut.server.port", -1);
    properties.put("cria.web.enabled", false);
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
      WebClient browser = new WebClient(server.getURI());

      for (String path : List.of("/", "/login", "/admin", "/assets/cria.js")) {
        assertEquals(404, browser.get(path).statusCode(), path);
      }
      assertEquals(200, browser.get("/health").statusCode());
      ReplyPorts ports = server.getApplicationContext().getBean(ReplyPorts.class);
      assertTrue(ports.forPlatform(Platform.WEB).isEmpty());
    }
  }
}
