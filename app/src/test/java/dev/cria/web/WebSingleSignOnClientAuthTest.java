package dev.cria.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cria.fakes.FakeOidcProvider;
import dev.cria.fakes.FakeOidcProvider.ClientAuth;
import dev.cria.persistence.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Providers that authenticate Cria otherwise than with the secret in the Authorization header: one
 * that takes it only in the token request's form (client_secret_post), and a public client with no
 * secret at all (PKCE alone). Cria follows the discovery document, and the sign-in works.
 */
class WebSingleSignOnClientAuthTest {

  @Test
  void theSecretGoesInTheFormWhenThatIsAllTheProviderTakes() {
    String token = signIn(ClientAuth.CLIENT_SECRET_POST, FakeOidcProvider.CLIENT_SECRET);

    assertTrue(token.startsWith("null\n"), "no Authorization header: " + token);
    assertTrue(token.contains("client_secret="), token);
  }

  @Test
  void aPublicClientSignsInWithThePkceVerifierAlone() {
    String token = signIn(ClientAuth.NONE, null);

    assertTrue(token.startsWith("null\n"), "no Authorization header: " + token);
    assertFalse(token.contains("client_secret"), token);
    assertTrue(token.contains("code_verifier="), token);
  }

  /** Signs in through a provider of that kind; returns the token request it received. */
  private static String signIn(ClientAuth clientAuth, String secret) {
    try (FakeOidcProvider idp = new FakeOidcProvider(clientAuth)) {
      Map<String, Object> properties = new HashMap<>(TestDatabases.h2());
      properties.put("micronaut.server.port", -1);
      properties.put("cria.web.oidc.issuer", idp.issuer());
      properties.put("cria.web.oidc.client-id", FakeOidcProvider.CLIENT_ID);
      if (secret != null) {
        properties.put("cria.web.oidc.client-secret", secret);
      }
      properties.put("cria.web.oidc.allowed-emails", List.of("ada@example.com"));
      try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
        WebClient browser = new WebClient(server.getURI());
        String authorize = browser.get("/login/oidc").headers().firstValue("Location").get();
        String callback = browser.get(authorize).headers().firstValue("Location").get();

        HttpResponse<String> signedIn = browser.get(callback);

        assertEquals(200, signedIn.statusCode(), signedIn.body());
        assertEquals(200, browser.get("/").statusCode());
        assertEquals(1, idp.tokenRequests().size());
        return idp.tokenRequests().getFirst();
      }
    }
  }
}
