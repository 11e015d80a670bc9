package dev.cria.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenID Connect single sign-on, the authorization-code flow with PKCE: {@code /login/oidc} sends
 * the browser to the provider with a fresh state, nonce and code challenge (kept in a short-lived
 * cookie), and {@code /login/oidc/callback} checks the state, exchanges the code, checks the ID
 * token ({@link IdTokenCheck}) and opens a session. Any failure is a 4xx (5xx when the provider
 * cannot be reached) on the login page, and no session. It calls the provider, so it runs on the
 * blocking executor, not the event loop.
 */
@Controller("/login/oidc")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "cria.web.enabled", notEquals = "false")
@Requires(property = "cria.web.oidc.issuer")
class SingleSignOnController {

  private static final Logger LOG = LoggerFactory.getLogger(SingleSignOnController.class);
  static final String FLOW_COOKIE = "cria_oidc";
  private static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);

  private final OidcSettings oidc;
  private final WebSettings settings;
  private final OidcProvider provider;
  private final WebSessions sessions;
  private final LoginPage page;
  private final AtomicReference<IdTokenCheck> check = new AtomicReference<>();

  SingleSignOnController(
      OidcSettings oidc,
      WebSettings settings,
      OidcProvider provider,
      WebSessions sessions,
      LoginPage page) {
    this.oidc = oidc;
    this.settings = settings;
    this.provider = provider;
    this.sessions = sessions;
    this.page = page;
  }

  @Get(produces = MediaType.TEXT_HTML)
  HttpResponse<?> start(HttpRequest<?> request) {
    OidcProvider.Metadata metadata;
    try {
      metadata = provider.metadata();
    } catch (OidcProvider.ProviderException e) {
      LOG.warn("Single sign-on unavailable: {}", e.getMessage());
      return page.render(
          HttpStatus.BAD_GATEWAY, "The identity provider cannot be reached. Try again later.");
    }
    String state = RandomTokens.next();
    String nonce = RandomTokens.next();
    String verifier = RandomTokens.next();
    URI authorize =
        UriBuilder.of(metadata.authorizationEndpoint())
            .queryParam("response_type", "code")
            .queryParam("client_id", oidc.clientId())
            .queryParam("redirect_uri", redirectUri(request))
            .queryParam("scope", "openid email profile")
            .queryParam("state", state)
            .queryParam("nonce", nonce)
            .queryParam("code_challenge", challenge(verifier))
            .queryParam("code_challenge_method", "S256")
            .build();
    return HttpResponse.seeOther(authorize)
        .cookie(flowCookie(state + "." + nonce + "." + verifier, FLOW_LIFETIME));
  }

  @Get(value = "/callback", produces = MediaType.TEXT_HTML)
  HttpResponse<?> callback(
      HttpRequest<?> request,
      @Nullable @QueryValue String code,
      @Nullable @QueryValue String state,
      @Nullable @QueryValue String error,
      @Nullable @CookieValue(FLOW_COOKIE) String flow) {
    String[] started = flow == null ? new String[0] : flow.split("\\.");
    if (started.length != 3 || !RandomTokens.same(started[0], state)) {
      LOG.warn("Single sign-on refused: the state does not match a login started here");
      return refused(
          HttpStatus.BAD_REQUEST, "That sign-in did not start here or has expired. Try again.");
    }
    if (error != null || code == null) {
      LOG.warn("Single sign-on refused by the provider: {}", error == null ? "no code" : error);
      return refused(HttpStatus.UNAUTHORIZED, "The identity provider did not sign you in.");
    }
    IdTokenCheck.Identity identity;
    try {
      String idToken = provider.idToken(code, started[2], redirectUri(request));
      identity = check().check(idToken, started[1]);
    } catch (OidcProvider.ProviderException e) {
      LOG.warn("Single sign-on failed: {}", e.getMessage());
      return refused(HttpStatus.BAD_GATEWAY, "The identity provider did not complete the sign-in.");
    } catch (IdTokenCheck.RefusedToken e) {
      LOG.warn("Single sign-on refused: {}", e.getMessage());
      return refused(HttpStatus.UNAUTHORIZED, "The sign-in could not be verified.");
    }
    String email = identity.emailVerified() ? identity.email() : null;
    if (!oidc.allows(email, identity.groups())) {
      LOG.warn("Single sign-on refused: {} is not allowed in", identity.user());
      return refused(HttpStatus.FORBIDDEN, identity.user() + " is not allowed to use Cria.");
    }
    boolean admin = oidc.admin(email, identity.groups());
    WebSession session = sessions.open(identity.user(), admin);
    LOG.info("Web login with single sign-on: {}{}", identity.user(), admin ? " (admin)" : "");
    // A page, not a redirect: the browser arrived from the provider's site, so a redirect to "/"
    // would not carry the new SameSite=Strict cookie; the page's own navigation does.
    MutableHttpResponse<?> response =
        HttpResponse.ok(new ModelAndView<>("signed-in", Map.of("user", identity.user())))
            .cookie(sessions.cookie(session))
            .cookie(flowCookie("", Duration.ZERO));
    WebHeaders.protect(response);
    return response;
  }

  private MutableHttpResponse<?> refused(HttpStatus status, String message) {
    return page.render(status, message).cookie(flowCookie("", Duration.ZERO));
  }

  private IdTokenCheck check() throws OidcProvider.ProviderException {
    IdTokenCheck known = check.get();
    if (known != null) {
      return known;
    }
    OidcProvider.Metadata metadata = provider.metadata();
    IdTokenCheck made = new IdTokenCheck(metadata.issuer(), oidc.clientId(), metadata.jwksUri());
    return check.compareAndSet(null, made) ? made : check.get();
  }

  /**
   * The flow's cookie: SameSite=Lax, since it has to come back with the provider's redirect (a
   * navigation from another site), and only to these paths.
   */
  private Cookie flowCookie(String value, Duration maxAge) {
    return Cookie.of(FLOW_COOKIE, value)
        .path("/login/oidc")
        .httpOnly(true)
        .secure(settings.secureCookies())
        .sameSite(SameSite.Lax)
        .maxAge(maxAge);
  }

  private String redirectUri(HttpRequest<?> request) {
    String base =
        settings.publicUrl() != null
            ? settings.publicUrl().replaceAll("/+$", "")
            : "http://" + request.getHeaders().get("Host", String.class).orElse("localhost");
    return base + "/login/oidc/callback";
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
