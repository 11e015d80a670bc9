package dev.cria.discord;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shards one process runs: {@code 0-1/4} is shards 0 and 1 of 4, {@code 2/4} is shard 2 of 4.
 * Discord sends a guild's events to shard {@code (guild_id >> 22) % total} and DMs to shard 0.
 */
public record ShardRange(int first, int last, int total) {

  private static final Pattern FORMAT = Pattern.compile("(\\d+)(?:-(\\d+))?/(\\d+)");

  public ShardRange {
    if (total < 1 || first < 0 || first > last || last >= total) {
      throw new IllegalArgumentException(
          "shards must lie within 0.." + (total - 1) + ", got " + first + "-" + last);
    }
  }

  public static ShardRange parse(String text) {
    Matcher matcher = FORMAT.matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "DISCORD_SHARDS must look like 0-1/4 (shards 0 to 1 of 4) or 2/4, got: " + text);
    }
    int first = Integer.parseInt(matcher.group(1));
    int last = matcher.group(2) == null ? first : Integer.parseInt(matcher.group(2));
    return new ShardRange(first, last, Integer.parseInt(matcher.group(3)));
  }

  public int count() {
    return last - first + 1;
  }

  public boolean includes(int shard) {
    return shard >= first && shard <= last;
  }

  /** Whether this process runs the shard that holds the guild's events. */
  public boolean holdsGuild(long guildId) {
    return includes((int) ((guildId >> 22) % total));
  }

  @Override
  public String toString() {
    return (first == last ? String.valueOf(first) : first + "-" + last) + "/" + total;
  }
}
