package dev.cria.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in browsers, in memory: a restart logs everyone out. The cookie is HttpOnly,
 * SameSite=Strict and (unless {@code CRIA_WEB_SECURE_COOKIES=off}) Secure.
 */
@Singleton
@Requires(property = "cria.web.enabled", notEquals = "false")
public class WebSessions {

  public static final String COOKIE = "cria_session";

  private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();
  private final WebSettings settings;

  WebSessions(WebSettings settings) {
    this.settings = settings;
  }

  public WebSession open(String user) {
    Instant now = Instant.now();
    sessions.values().removeIf(session -> session.expiredAt(now));
    WebSession session =
        new WebSession(
            RandomTokens.next(), RandomTokens.next(), user, now.plus(settings.sessionLifetime()));
    sessions.put(session.id(), session);
    return session;
  }

  public Optional<WebSession> find(HttpRequest<?> request) {
    return request
        .getCookies()
        .findCookie(COOKIE)
        .map(Cookie::getValue)
        .map(sessions::get)
        .filter(session -> !session.expiredAt(Instant.now()));
  }

  public void close(WebSession session) {
    sessions.remove(session.id());
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
}
