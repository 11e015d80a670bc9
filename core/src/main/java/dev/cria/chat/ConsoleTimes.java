package dev.cria.chat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times on pages: UTC, to the second. */
final class ConsoleTimes {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private ConsoleTimes() {}

  static String format(Instant time) {
    return time == null ? "" : FORMAT.format(time);
  }
}
