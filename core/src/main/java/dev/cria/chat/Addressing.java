package dev.cria.chat;

import java.util.Objects;

/**
 * What the platform said about whom a message addresses, as the adapter read it: where it was
 * written, whether it mentions Cria, and which message it replies to. The adapter decides nothing
 * from it; the core does, once, for every platform (docs/architecture.md, "Who Cria answers").
 *
 * @param place where the message was written
 * @param mentioned whether it mentions Cria
 * @param repliesTo the platform id of the message it replies to (Discord's reply), or null
 */
public record Addressing(Place place, boolean mentioned, String repliesTo) {

  /** Where a message was written, as far as addressing goes. */
  public enum Place {
    /** A direct message, a slash command, the web playground: always for Cria. */
    DIRECT,
    /** A thread: for Cria when it mentions Cria, or when Cria takes part in the thread. */
    THREAD,
    /**
     * The top level of a channel: for Cria when it mentions Cria, or when it replies to one of
     * Cria's messages (which continues that message's conversation).
     */
    CHANNEL
  }

  private static final Addressing DIRECT = new Addressing(Place.DIRECT, false, null);

  public Addressing {
    Objects.requireNonNull(place, "place");
    repliesTo = repliesTo == null || repliesTo.isBlank() ? null : repliesTo;
  }

  /** Written to Cria alone: a direct message, a command, the playground. */
  public static Addressing direct() {
    return DIRECT;
  }

  /** Written in a thread. */
  public static Addressing inThread(boolean mentioned) {
    return new Addressing(Place.THREAD, mentioned, null);
  }

  /** Written at the top level of a channel, perhaps as a reply to another message. */
  public static Addressing inChannel(boolean mentioned, String repliesTo) {
    return new Addressing(Place.CHANNEL, mentioned, repliesTo);
  }
}
