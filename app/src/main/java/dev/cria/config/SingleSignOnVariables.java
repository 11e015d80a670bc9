package dev.cria.config;

import java.util.Arrays;
import java.util.List;

/**
 * The single sign-on variables ({@code CRIA_OIDC_*}), read with the web ones: all of them need
 * {@code CRIA_OIDC_ISSUER}, which needs a client id and someone allowed in.
 */
final class SingleSignOnVariables {

  private final VariableReader read;

  SingleSignOnVariables(VariableReader read) {
    this.read = read;
  }

  void read() {
    String issuer = read.value("CRIA_OIDC_ISSUER");
    if (issuer == null) {
      for (String name :
          new String[] {
            "CRIA_OIDC_CLIENT_ID",
            "CRIA_OIDC_CLIENT_SECRET",
            "CRIA_OIDC_ALLOWED_EMAILS",
            "CRIA_OIDC_ALLOWED_GROUP",
            "CRIA_OIDC_ADMIN_EMAILS",
            "CRIA_OIDC_ADMIN_GROUP"
          }) {
        if (read.value(name) != null) {
          throw new ConfigException(name + " is set but CRIA_OIDC_ISSUER is not");
        }
      }
      return;
    }
    read.url("CRIA_OIDC_ISSUER", "cria.web.oidc.issuer");
    if (read.value("CRIA_OIDC_CLIENT_ID") == null) {
      throw new ConfigException(
          "CRIA_OIDC_CLIENT_ID must be set with CRIA_OIDC_ISSUER (the client registered for Cria)");
    }
    read.text("CRIA_OIDC_CLIENT_ID", "cria.web.oidc.client-id");
    read.text("CRIA_OIDC_CLIENT_SECRET", "cria.web.oidc.client-secret");
    String emails = read.value("CRIA_OIDC_ALLOWED_EMAILS");
    String group = read.value("CRIA_OIDC_ALLOWED_GROUP");
    if (emails == null && group == null) {
      throw new ConfigException(
          "CRIA_OIDC_ALLOWED_EMAILS or CRIA_OIDC_ALLOWED_GROUP must be set with CRIA_OIDC_ISSUER"
              + " (addresses, @domain, or * for everyone the provider signs in)");
    }
    emails("CRIA_OIDC_ALLOWED_EMAILS", "cria.web.oidc.allowed-emails", true);
    read.text("CRIA_OIDC_ALLOWED_GROUP", "cria.web.oidc.allowed-group");
    emails("CRIA_OIDC_ADMIN_EMAILS", "cria.web.oidc.admin-emails", false);
    read.text("CRIA_OIDC_ADMIN_GROUP", "cria.web.oidc.admin-group");
  }

  /** A comma-separated list of addresses and {@code @domain} entries (and {@code *} if allowed). */
  private void emails(String name, String property, boolean star) {
    String value = read.value(name);
    if (value == null) {
      return;
    }
    List<String> entries = Arrays.stream(value.split(",")).map(String::strip).toList();
    for (String entry : entries) {
      if (!(star && entry.equals("*")) && !entry.matches("[^@\\s]*@[^@\\s]+")) {
        throw new ConfigException(
            name
                + " must list addresses"
                + (star ? ", @domain entries or *," : " or @domain entries,")
                + " separated by commas; got: "
                + value);
      }
    }
    read.put(property, entries);
  }
}
