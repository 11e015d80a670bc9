package dev.cria.web;

import dev.cria.chat.WebSessionStore;
import dev.cria.chat.WebSessionStore.StoredWebSession;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Logged-in browsers, kept in the database by a {@link WebSessionStore} so that a login survives a
 * restart and works on every replica. Only the SHA-256 of the cookie value is stored. The cookie is
 * HttpOnly, SameSite=Strict and (unless {@code CRIA_WEB_SECURE_COOKIES=off}) Secure.
 */
@Singleton
@Requires(property = "cria.web.enabled", notEquals = "false")
public class WebSessions {

  public static final String COOKIE = "cria_session";

  private final WebSessionStore store;
  private final WebSettings settings;

  WebSessions(WebSessionStore store, WebSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  public WebSession open(String user, boolean admin) {
    WebSession session =
        new WebSession(
            RandomTokens.next(),
            RandomTokens.next(),
            user,
            admin,
            Instant.now().plus(settings.sessionLifetime()));
    store.save(
        new StoredWebSession(hash(session.id()), session.csrf(), user, admin, session.expires()));
    return session;
  }

  public Optional<WebSession> find(HttpRequest<?> request) {
    return request
        .getCookies()
        .findCookie(COOKIE)
        .map(Cookie::getValue)
        .filter(value -> !value.isBlank())
        .flatMap(
            value ->
                store
                    .find(hash(value))
                    .map(
                        stored ->
                            new WebSession(
                                value,
                                stored.csrf(),
                                stored.user(),
                                stored.admin(),
                                stored.expiresAt())))
        .filter(session -> !session.expiredAt(Instant.now()));
  }

  public void close(WebSession session) {
    store.delete(hash(session.id()));
  }

  public Cookie cookie(WebSession session) {
    return cookie(COOKIE, session.id(), settings.sessionLifetime());
  }

  public Cookie cleared() {
    return cookie(COOKIE, "", Duration.ZERO);
  }

  /**
   * A cookie with this deployment's flags: HttpOnly, SameSite=Strict, Secure unless switched off.
   */
  Cookie cookie(String name, String value, Duration maxAge) {
    return Cookie.of(name, value)
        .path("/")
        .httpOnly(true)
        .secure(settings.secureCookies())
        .sameSite(SameSite.Strict)
        .maxAge(maxAge);
  }

  /** The SHA-256 of a cookie value, in lowercase hex: what the database keeps. */
  static String hash(String value) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
