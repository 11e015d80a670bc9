package dev.cria.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads {@code DATABASE_URL}: a JDBC URL ({@code jdbc:postgresql://host:5432/db}) or the {@code
 * postgres://user:password@host:5432/db} form that hosting platforms hand out.
 */
final class PostgresUrl {

  record Credentials(String user, String password) {}

  private PostgresUrl() {}

  static String toJdbc(String url) {
    if (url.startsWith("jdbc:postgresql://")) {
      parse(url.substring("jdbc:".length()));
      return url;
    }
    if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
      URI uri = parse(url);
      String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      return "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query;
    }
    throw new ConfigException(
        "DATABASE_URL must start with jdbc:postgresql:// or postgres://, got: " + redact(url));
  }

  static Optional<Credentials> credentials(String url) {
    if (url.startsWith("jdbc:")) {
      return Optional.empty();
    }
    String userInfo = parse(url).getRawUserInfo();
    if (userInfo == null) {
      return Optional.empty();
    }
    int colon = userInfo.indexOf(':');
    String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
    String password = colon < 0 ? "" : userInfo.substring(colon + 1);
    return Optional.of(new Credentials(decode(user), decode(password)));
  }

  private static URI parse(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null || uri.getRawPath() == null || uri.getRawPath().length() < 2) {
        throw new ConfigException(
            "DATABASE_URL must name a host and a database, e.g."
                + " postgres://cria:secret@db:5432/cria, got: "
                + redact(url));
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException("DATABASE_URL is not a valid URL: " + redact(url));
    }
  }

  /** The URL without its password, fit for an error message. */
  static String redact(String url) {
    return url.replaceAll("(//[^:/@]+):[^@/]*@", "$1:***@");
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
