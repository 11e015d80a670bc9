package dev.cria.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

  private static OidcSettings allowing(List<String> emails, String group) {
    return new OidcSettings(
        "https://idp.example.com", "cria", "secret-value", emails, group, null, null);
  }

  @Test
  void anAddressOrADomainLetsInOnlyThatAddressOrDomain() {
    OidcSettings settings = allowing(List.of("ada@example.com", "@example.org"), null);

    assertTrue(settings.allows("Ada@Example.com", List.of()));
    assertTrue(settings.allows("bob@example.org", List.of()));
    assertFalse(settings.allows("bob@example.com", List.of()));
    assertFalse(settings.allows("eve@notexample.org", List.of()));
    assertFalse(settings.allows(null, List.of()), "no verified address");
  }

  @Test
  void theGroupLetsInWithoutAnAddressAndAStarLetsInEveryone() {
    assertTrue(allowing(null, "cria-admins").allows(null, List.of("staff", "cria-admins")));
    assertFalse(allowing(null, "cria-admins").allows("ada@example.com", List.of("staff")));
    assertTrue(allowing(List.of("*"), null).allows(null, List.of()));
  }

  @Test
  void everyoneLetInIsAnAdminUnlessAdminsAreNamed() {
    assertTrue(allowing(List.of("*"), null).admin("ada@example.com", List.of()));
    OidcSettings named =
        new OidcSettings(
            "https://idp.example.com",
            "cria",
            null,
            List.of("@example.com"),
            null,
            List.of("ada@example.com"),
            "cria-admins");

    assertTrue(named.admin("ada@example.com", List.of()));
    assertTrue(named.admin("bob@example.com", List.of("cria-admins")));
    assertFalse(named.admin("bob@example.com", List.of("staff")));
  }

  @Test
  void theSecretIsNotInTheSettingsText() {
    assertFalse(allowing(List.of("*"), null).toString().contains("secret-value"));
  }
}
