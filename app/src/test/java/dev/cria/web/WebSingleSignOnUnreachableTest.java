package dev.cria.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.persistence.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An identity provider that cannot be reached: the login page says so (502), no session. */
class WebSingleSignOnUnreachableTest {

  @Test
  void anUnreachableProviderIsA502OnTheLoginPage() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Map<String, Object> properties = new HashMap<>(TestDatabases.h2());
    properties.put("micronaut.server.port", -1);
    properties.put("cria.web.oidc.issuer", "http://127.0.0.1:" + closedPort);
    properties.put("cria.web.oidc.client-id", "cria");
    properties.put("cria.web.oidc.allowed-emails", List.of("*"));
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
      WebClient browser = new WebClient(server.getURI());

      HttpResponse<String> start = browser.get("/login/oidc");

      assertEquals(502, start.statusCode());
      assertTrue(start.body().contains("cannot be reached"), start.body());
      assertEquals(303, browser.get("/").statusCode(), "still logged out");
    }
  }
}
