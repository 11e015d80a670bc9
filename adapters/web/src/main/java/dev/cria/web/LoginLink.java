package dev.cria.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-time login link, as Jupyter prints it: a random token, good for one login. Each use
 * prints a fresh link, so the next browser finds one in the output. Printed to standard output on
 * purpose (it is the one way in); never logged through the logger, never shown on a page. Not used
 * when {@code CRIA_WEB_PASSWORD} or single sign-on ({@code CRIA_OIDC_ISSUER}) is set.
 */
@Singleton
@Requires(property = "cria.web.enabled", notEquals = "false")
public class LoginLink {

  private static final Logger LOG = LoggerFactory.getLogger(LoginLink.class);

  private final WebSettings settings;
  private final OidcSettings oidc;
  private final AtomicReference<String> token = new AtomicReference<>(RandomTokens.next());
  private final PrintStream out = System.out;
  private volatile String baseUrl = "http://localhost:8080";

  LoginLink(WebSettings settings, OidcSettings oidc) {
    this.settings = settings;
    this.oidc = oidc;
  }

  /** The link is the way in only when there is neither a password nor single sign-on. */
  private boolean used() {
    return !settings.passwordLogin() && !oidc.enabled();
  }

  @EventListener
  void onStartup(ServerStartupEvent event) {
    baseUrl =
        settings.publicUrl() != null
            ? settings.publicUrl().replaceAll("/+$", "")
            : "http://localhost:" + event.getSource().getPort();
    if (used()) {
      print();
    } else if (oidc.enabled()) {
      LOG.info("Cria web: log in at {}/login with single sign-on ({})", baseUrl, oidc.issuer());
    }
  }

  /** Takes the token if it is the current one; a fresh one is printed in its place. */
  public boolean redeem(String candidate) {
    String current = token.get();
    if (!used()
        || !RandomTokens.same(current, candidate)
        || !token.compareAndSet(current, RandomTokens.next())) {
      return false;
    }
    print();
    return true;
  }

  private void print() {
    out.println(
        "Cria web: open " + baseUrl + "/login?token=" + token.get() + " to log in (good once)");
    out.flush();
  }
}
