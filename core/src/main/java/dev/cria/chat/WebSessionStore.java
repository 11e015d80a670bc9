package dev.cria.chat;

import java.time.Instant;
import java.util.Optional;

/**
 * Where logged-in browsers are kept: in the database, so a login survives a restart and works on
 * every replica. A session is found by the SHA-256 of its cookie value; the value itself is never
 * stored.
 */
public interface WebSessionStore {

  void save(StoredWebSession session);

  /** The session whose cookie hashes to {@code idHash}, expired or not. */
  Optional<StoredWebSession> find(String idHash);

  void delete(String idHash);

  /** Deletes the sessions that expired before {@code now}; returns how many went. */
  int deleteExpired(Instant now);

  /**
   * One stored login.
   *
   * @param idHash the SHA-256 of the cookie value, in lowercase hex
   * @param csrf the token this session's forms send back
   * @param user who logged in
   * @param admin whether the admin console is open to them
   */
  record StoredWebSession(
      String idHash, String csrf, String user, boolean admin, Instant expiresAt) {}
}
