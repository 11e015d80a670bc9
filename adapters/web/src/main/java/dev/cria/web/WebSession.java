package dev.cria.web;

import java.time.Instant;

/**
 * One logged-in browser.
 *
 * @param id the value of the session cookie
 * @param csrf the token every form of this session must send back
 * @param user who logged in; web conversations are theirs
 * @param admin whether the admin console is open to them
 */
public record WebSession(String id, String csrf, String user, boolean admin, Instant expires) {

  /** The request attribute {@link WebLoginFilter} puts the session under. */
  public static final String ATTRIBUTE = "cria.web.session";

  public boolean expiredAt(Instant now) {
    return now.isAfter(expires);
  }
}
