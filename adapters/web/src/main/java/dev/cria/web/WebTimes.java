package dev.cria.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times on pages: UTC, to the second. */
final class WebTimes {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private WebTimes() {}

  static String format(Instant time) {
    return time == null ? "" : FORMAT.format(time);
  }
}
