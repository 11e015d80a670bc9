package dev.cria.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Locale;

/**
 * Single sign-on with an OpenID Connect provider ({@code CRIA_OIDC_*}); off while {@code issuer} is
 * unset.
 *
 * @param issuer the provider's issuer URL; its {@code /.well-known/openid-configuration} is read
 * @param clientId the client registered for Cria at the provider
 * @param clientSecret that client's secret; null for a public client (PKCE only)
 * @param allowedEmails who may log in: addresses, {@code @domain} for a whole domain, or {@code *}
 *     for everyone the provider authenticates
 * @param allowedGroup who may log in: a value of the ID token's {@code groups} claim
 * @param adminEmails who of them gets the admin console (addresses or {@code @domain}); with
 *     neither this nor {@code adminGroup} set, everyone who may log in does
 * @param adminGroup who of them gets the admin console: a value of the {@code groups} claim
 */
@ConfigurationProperties("cria.web.oidc")
public record OidcSettings(
    @Nullable String issuer,
    @Nullable String clientId,
    @Nullable String clientSecret,
    @Nullable List<String> allowedEmails,
    @Nullable String allowedGroup,
    @Nullable List<String> adminEmails,
    @Nullable String adminGroup) {

  public boolean enabled() {
    return issuer != null && !issuer.isBlank();
  }

  /** Whether a verified e-mail address or a group lets this user in. */
  public boolean allows(@Nullable String verifiedEmail, List<String> groups) {
    return matches(allowedEmails, allowedGroup, verifiedEmail, groups);
  }

  /** Whether this user, once let in, gets the admin console. */
  public boolean admin(@Nullable String verifiedEmail, List<String> groups) {
    return (adminEmails == null && adminGroup == null)
        || matches(adminEmails, adminGroup, verifiedEmail, groups);
  }

  private static boolean matches(
      @Nullable List<String> emails,
      @Nullable String group,
      @Nullable String verifiedEmail,
      List<String> groups) {
    if (group != null && groups.contains(group)) {
      return true;
    }
    if (emails == null) {
      return false;
    }
    String email = verifiedEmail == null ? null : verifiedEmail.toLowerCase(Locale.ROOT);
    for (String entry : emails) {
      String allowed = entry.strip().toLowerCase(Locale.ROOT);
      if (allowed.equals("*")
          || (email != null
              && (allowed.startsWith("@") ? email.endsWith(allowed) : email.equals(allowed)))) {
        return true;
      }
    }
    return false;
  }

  /** Never prints the client secret. */
  @Override
  public String toString() {
    return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=***]";
  }
}
