package dev.cria.web;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The OpenID Connect provider's HTTP side: its discovery document (read at the first login and
 * kept) and the token endpoint, where the authorization code and the PKCE verifier are exchanged
 * for an ID token. The client secret goes only into the token request's Authorization header (or
 * its form, when the provider supports only {@code client_secret_post}); it is never logged.
 */
@Singleton
@Requires(property = "cria.web.oidc.issuer")
class OidcProvider {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final OidcSettings settings;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final AtomicReference<Metadata> metadata = new AtomicReference<>();

  OidcProvider(OidcSettings settings) {
    this.settings = settings;
  }

  /** The endpoints the provider names in its discovery document. */
  record Metadata(
      String issuer,
      URI authorizationEndpoint,
      URI tokenEndpoint,
      URI jwksUri,
      boolean secretInForm) {}

  /** A failure talking to the provider; the message is safe to log and to show. */
  static final class ProviderException extends Exception {
    ProviderException(String message) {
      super(message);
    }
  }

  Metadata metadata() throws ProviderException {
    Metadata known = metadata.get();
    if (known != null) {
      return known;
    }
    String issuer = withoutSlash(settings.issuer());
    URI discovery = URI.create(issuer + "/.well-known/openid-configuration");
    Map<String, Object> json = json(send(HttpRequest.newBuilder(discovery).GET()), discovery);
    String named = withoutSlash(string(json, "issuer", discovery));
    if (!named.equals(issuer)) {
      throw new ProviderException(
          discovery + " names the issuer " + named + ", not CRIA_OIDC_ISSUER=" + issuer);
    }
    Object methods = json.get("token_endpoint_auth_methods_supported");
    boolean secretInForm =
        methods instanceof List<?> list
            && !list.contains("client_secret_basic")
            && list.contains("client_secret_post");
    Metadata read =
        new Metadata(
            string(json, "issuer", discovery),
            URI.create(string(json, "authorization_endpoint", discovery)),
            URI.create(string(json, "token_endpoint", discovery)),
            URI.create(string(json, "jwks_uri", discovery)),
            secretInForm);
    metadata.set(read);
    return read;
  }

  /** Exchanges the code for the token response's {@code id_token}. */
  String idToken(String code, String verifier, String redirectUri) throws ProviderException {
    Metadata provider = metadata();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", verifier);
    form.put("client_id", settings.clientId());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(provider.tokenEndpoint())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json");
    String secret = settings.clientSecret();
    if (secret != null && provider.secretInForm()) {
      form.put("client_secret", secret);
    } else if (secret != null) {
      String pair = encode(settings.clientId()) + ":" + encode(secret);
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response = send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    Map<String, Object> json = json(response, provider.tokenEndpoint());
    return string(json, "id_token", provider.tokenEndpoint());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws ProviderException {
    HttpRequest built = request.timeout(TIMEOUT).build();
    try {
      return http.send(built, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ProviderException(
          "cannot reach " + built.uri() + ": " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException("interrupted while calling " + built.uri());
    }
  }

  private static Map<String, Object> json(HttpResponse<String> response, URI uri)
      throws ProviderException {
    Map<String, Object> json;
    try {
      json = JSONObjectUtils.parse(response.body());
    } catch (ParseException e) {
      throw new ProviderException(uri + " answered " + response.statusCode() + " without JSON");
    }
    if (response.statusCode() != 200) {
      Object error = json.get("error");
      throw new ProviderException(
          uri + " answered " + response.statusCode() + (error == null ? "" : " " + error));
    }
    return json;
  }

  private static String string(Map<String, Object> json, String name, URI uri)
      throws ProviderException {
    if (json.get(name) instanceof String value && !value.isBlank()) {
      return value;
    }
    throw new ProviderException(uri + " answered without " + name);
  }

  private static String withoutSlash(String url) {
    return url.replaceAll("/+$", "");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
