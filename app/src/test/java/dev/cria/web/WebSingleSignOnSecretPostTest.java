package dev.cria.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeOidcProvider;
import dev.cria.persistence.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A provider that takes the client secret only in the token request's form (its discovery document
 * lists client_secret_post alone): Cria sends it there, and the sign-in works.
 */
class WebSingleSignOnSecretPostTest {

  @Test
  void theSecretGoesInTheFormWhenThatIsAllTheProviderTakes() {
    try (FakeOidcProvider idp = new FakeOidcProvider(true)) {
      Map<String, Object> properties = new HashMap<>(TestDatabases.h2());
      properties.put("micronaut.server.port", -1);
      properties.put("cria.web.oidc.issuer", idp.issuer());
      properties.put("cria.web.oidc.client-id", FakeOidcProvider.CLIENT_ID);
      properties.put("cria.web.oidc.client-secret", FakeOidcProvider.CLIENT_SECRET);
      properties.put("cria.web.oidc.allowed-emails", List.of("ada@example.com"));
      try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
        WebClient browser = new WebClient(server.getURI());
        String authorize = browser.get("/login/oidc").headers().firstValue("Location").get();
        String callback = browser.get(authorize).headers().firstValue("Location").get();

        HttpResponse<String> signedIn = browser.get(callback);

        assertEquals(200, signedIn.statusCode(), signedIn.body());
        assertTrue(idp.tokenRequests().getFirst().startsWith("null\n"), "no Authorization header");
        assertTrue(idp.tokenRequests().getFirst().contains("client_secret="));
        assertEquals(200, browser.get("/").statusCode());
      }
    }
  }
}
