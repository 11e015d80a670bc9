package dev.cria.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The web playground and admin console ({@code CRIA_WEB*}).
 *
 * @param enabled false switches every web page off ({@code CRIA_WEB=off})
 * @param passwordHash the PBKDF2 hash of {@code CRIA_WEB_PASSWORD}; null means log in with the
 *     one-time link printed at startup
 * @param secureCookies whether the session cookie carries {@code Secure} (browsers send such
 *     cookies over plain HTTP to localhost only)
 * @param publicUrl the address browsers reach Cria at, for the printed login link
 * @param sessionLifetime how long a login lasts
 */
@ConfigurationProperties("cria.web")
public record WebSettings(
    @Bindable(defaultValue = "true") boolean enabled,
    @Nullable String passwordHash,
    @Bindable(defaultValue = "true") boolean secureCookies,
    @Nullable String publicUrl,
    @Bindable(defaultValue = "12h") Duration sessionLifetime) {

  public boolean passwordLogin() {
    return passwordHash != null && !passwordHash.isBlank();
  }
}
