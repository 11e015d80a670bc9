package dev.cria.fakes;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An OpenID Connect provider on a real HTTP port, for single sign-on tests: discovery, an authorize
 * endpoint that signs the user in at once and redirects back with a code, a token endpoint that
 * checks the client's secret, the redirect URI and the PKCE verifier and issues an RS256-signed ID
 * token, and the JWKS. {@link #next} makes the next ID token wrong in one way.
 */
public final class FakeOidcProvider implements AutoCloseable {

  public static final String CLIENT_ID = "cria-test-client";
  public static final String CLIENT_SECRET = "fake-idp-client-secret-7c1f0e2d9b";

  /** What is wrong with the next ID token. */
  public enum Tampering {
    NONE,
    WRONG_NONCE,
    OTHER_KEY,
    WRONG_AUDIENCE,
    EXPIRED,
    WRONG_ISSUER,
    /** {@code alg: none}: no signature at all. */
    UNSIGNED
  }

  private record Grant(String redirectUri, String nonce, String challenge) {}

  private final HttpServer server;
  private final RSAKey key;
  private final RSAKey stranger;
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
  private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
  private volatile Tampering next = Tampering.NONE;
  private volatile String email = "ada@example.com";
  private volatile List<String> groups = List.of();
  private final ClientAuth clientAuth;

  /** How the token endpoint authenticates Cria, as its discovery document says. */
  public enum ClientAuth {
    /** The secret in the Authorization header. */
    CLIENT_SECRET_BASIC,
    /** The secret in the token request's form. */
    CLIENT_SECRET_POST,
    /** A public client: no secret, the PKCE verifier alone. */
    NONE
  }

  /** A provider that takes the client secret in the Authorization header (client_secret_basic). */
  public FakeOidcProvider() {
    this(ClientAuth.CLIENT_SECRET_BASIC);
  }

  public FakeOidcProvider(ClientAuth clientAuth) {
    this.clientAuth = clientAuth;
    try {
      key = new RSAKeyGenerator(2048).keyID("fake-key-1").generate();
      stranger = new RSAKeyGenerator(2048).keyID("fake-key-1").generate();
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/.well-known/openid-configuration", this::discovery);
    server.createContext("/authorize", this::authorize);
    server.createContext("/token", this::token);
    server.createContext("/jwks", this::jwks);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Makes the next ID token wrong in this way (once). */
  public void next(Tampering tampering) {
    next = tampering;
  }

  /** Who the next sign-ins are. */
  public void user(String email, List<String> groups) {
    this.email = email;
    this.groups = groups;
  }

  /** The token requests received: each one's Authorization header, a newline, and its form. */
  public List<String> tokenRequests() {
    return List.copyOf(tokenRequests);
  }

  private void discovery(HttpExchange exchange) throws IOException {
    Map<String, Object> json = new HashMap<>();
    json.put("issuer", issuer());
    json.put("authorization_endpoint", issuer() + "/authorize");
    json.put("token_endpoint", issuer() + "/token");
    json.put("jwks_uri", issuer() + "/jwks");
    json.put("response_types_supported", List.of("code"));
    json.put("subject_types_supported", List.of("public"));
    json.put("id_token_signing_alg_values_supported", List.of("RS256"));
    json.put("code_challenge_methods_supported", List.of("S256"));
    json.put(
        "token_endpoint_auth_methods_supported",
        List.of(clientAuth.name().toLowerCase(Locale.ROOT)));
    send(exchange, 200, JSONObjectUtils.toJSONString(json));
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    if (!"code".equals(query.get("response_type"))
        || !CLIENT_ID.equals(query.get("client_id"))
        || !"S256".equals(query.get("code_challenge_method"))
        || query.get("code_challenge") == null
        || query.get("state") == null
        || query.get("nonce") == null
        || !query.getOrDefault("scope", "").contains("openid")) {
      send(exchange, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    String code = UUID.randomUUID().toString();
    grants.put(
        code,
        new Grant(query.get("redirect_uri"), query.get("nonce"), query.get("code_challenge")));
    String location =
        query.get("redirect_uri")
            + "?code="
            + code
            + "&state="
            + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private void token(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    tokenRequests.add(authorization + "\n" + body);
    Map<String, String> form = form(body);
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    boolean authenticated =
        switch (clientAuth) {
          case CLIENT_SECRET_BASIC -> expected.equals(authorization);
          case CLIENT_SECRET_POST ->
              authorization == null
                  && CLIENT_ID.equals(form.get("client_id"))
                  && CLIENT_SECRET.equals(form.get("client_secret"));
          case NONE ->
              authorization == null
                  && CLIENT_ID.equals(form.get("client_id"))
                  && !form.containsKey("client_secret");
        };
    if (!authenticated) {
      send(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    Grant grant = grants.remove(form.getOrDefault("code", ""));
    if (grant == null
        || !"authorization_code".equals(form.get("grant_type"))
        || !grant.redirectUri().equals(form.get("redirect_uri"))
        || !grant.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
      send(exchange, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    Tampering tampering = next;
    next = Tampering.NONE;
    String idToken = idToken(grant.nonce(), tampering);
    send(
        exchange,
        200,
        JSONObjectUtils.toJSONString(
            Map.of(
                "access_token",
                "fake-access-token",
                "token_type",
                "Bearer",
                "expires_in",
                300,
                "id_token",
                idToken)));
  }

  private void jwks(HttpExchange exchange) throws IOException {
    send(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
  }

  private String idToken(String nonce, Tampering tampering) {
    Instant now = Instant.now();
    Instant expires = tampering == Tampering.EXPIRED ? now.minusSeconds(600) : now.plusSeconds(300);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(tampering == Tampering.WRONG_ISSUER ? "https://evil.example" : issuer())
            .subject("user-" + email.hashCode())
            .audience(tampering == Tampering.WRONG_AUDIENCE ? "another-client" : CLIENT_ID)
            .issueTime(Date.from(now.minusSeconds(tampering == Tampering.EXPIRED ? 900 : 0)))
            .expirationTime(Date.from(expires))
            .claim("nonce", tampering == Tampering.WRONG_NONCE ? "not-the-nonce" : nonce)
            .claim("email", email)
            .claim("email_verified", true)
            .claim("groups", groups)
            .build();
    if (tampering == Tampering.UNSIGNED) {
      return new PlainJWT(claims).serialize();
    }
    RSAKey signing = tampering == Tampering.OTHER_KEY ? stranger : key;
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signing.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(signing));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> values = new HashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** The query of a URL, decoded. */
  public static Map<String, String> query(URI uri) {
    return form(uri.getRawQuery());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
