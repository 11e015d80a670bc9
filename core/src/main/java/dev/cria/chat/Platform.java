package dev.cria.chat;

import java.util.Locale;

/** A chat platform Cria talks to. Its id is the prefix of every conversation key. */
public enum Platform {
  SLACK,
  DISCORD,
  /** The browser playground served by Cria itself. */
  WEB;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Platform fromId(String id) {
    for (Platform platform : values()) {
      if (platform.id().equals(id)) {
        return platform;
      }
    }
    throw new IllegalArgumentException("unknown platform: " + id);
  }
}
