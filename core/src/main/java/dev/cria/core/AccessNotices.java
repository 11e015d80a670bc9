package dev.cria.core;

import dev.cria.chat.Platform;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, in memory only, who was told today that they may not use Cria, so that each person
 * gets at most one notice a day (UTC) per process. Nothing about a refused event is stored.
 */
final class AccessNotices {

  static final String TEXT =
      "Sorry, I'm not available to you here. Ask the person who runs Cria if you need access.";

  /** Beyond this many people told today, the memory starts over (a flood, not a team). */
  private static final int MAX_ENTRIES = 10_000;

  private final Clock clock;
  private final Map<String, LocalDate> told = new ConcurrentHashMap<>();

  AccessNotices(Clock clock) {
    this.clock = clock;
  }

  /** Whether this person should be told now; true at most once a day each. */
  boolean due(Platform platform, String userId) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (told.size() >= MAX_ENTRIES) {
      told.clear();
    }
    LocalDate before = told.put(platform.id() + ":" + userId, today);
    return !today.equals(before);
  }
}
