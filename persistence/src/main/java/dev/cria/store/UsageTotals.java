package dev.cria.store;

import dev.cria.chat.ConsoleStore.UsageRow;
import dev.cria.core.QuotaSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums answers per (day, user, channel) and marks the rows where the user or the channel reached a
 * daily quota that day. Grouping by UTC day is done here, not in SQL, because H2 and PostgreSQL
 * cast a timestamp with time zone to a date differently.
 */
final class UsageTotals {

  private record Group(LocalDate day, String user, String channel) {}

  private UsageTotals() {}

  static List<UsageRow> perUserChannelAndDay(List<UsageRow> answers, QuotaSettings quotas) {
    Map<Group, long[]> groups = new LinkedHashMap<>();
    Map<List<Object>, long[]> perUser = new HashMap<>();
    Map<List<Object>, long[]> perChannel = new HashMap<>();
    for (UsageRow answer : answers) {
      add(groups.computeIfAbsent(group(answer), key -> new long[2]), answer);
      add(perUser.computeIfAbsent(key(answer.day(), answer.userId()), k -> new long[2]), answer);
      add(
          perChannel.computeIfAbsent(key(answer.day(), answer.channelKey()), k -> new long[2]),
          answer);
    }
    List<UsageRow> rows = new ArrayList<>();
    groups.forEach(
        (group, sums) -> {
          long[] user = perUser.get(key(group.day(), group.user()));
          long[] channel = perChannel.get(key(group.day(), group.channel()));
          boolean over =
              reached(user[0], quotas.userRequestsPerDay())
                  || reached(user[1], quotas.userTokensPerDay())
                  || reached(channel[0], quotas.channelRequestsPerDay())
                  || reached(channel[1], quotas.channelTokensPerDay());
          rows.add(
              new UsageRow(group.day(), group.user(), group.channel(), sums[0], sums[1], over));
        });
    return rows;
  }

  private static Group group(UsageRow answer) {
    return new Group(answer.day(), answer.userId(), answer.channelKey());
  }

  private static List<Object> key(LocalDate day, String who) {
    return java.util.Arrays.asList(day, who);
  }

  private static void add(long[] sums, UsageRow answer) {
    sums[0] += answer.answers();
    sums[1] += answer.tokens();
  }

  private static boolean reached(long used, long limit) {
    return limit > 0 && used >= limit;
  }
}
