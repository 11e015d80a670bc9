package dev.cria.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the events of a run: new conversations spread over {@value #CHANNELS} channels and {@value
 * #USERS} users (so that every user's name is looked up once and then cached, as in a real
 * workspace), and follow-up questions in an existing thread. Message timestamps are unique and near
 * the present.
 */
final class EventFactory {

  static final int CHANNELS = 50;
  static final int USERS = 500;

  private final AtomicInteger nextId;
  private final long epochSecond = System.currentTimeMillis() / 1000;
  private final int words;
  private final List<Integer> ids = java.util.Collections.synchronizedList(new ArrayList<>());

  /** Ids start at {@code firstId}, so that the warm-up and the measured run never share one. */
  EventFactory(int firstId, int words) {
    this.nextId = new AtomicInteger(firstId);
    this.words = words;
  }

  BenchEvent newConversation() {
    int id = next();
    return new BenchEvent(id, channel(id), ts(id), null, user(id), words);
  }

  /** A new conversation from a user no other event of this factory comes from. */
  BenchEvent newUser() {
    int id = next();
    return new BenchEvent(id, channel(id), ts(id), null, "U0DIST%07d".formatted(id), words);
  }

  BenchEvent followUp(BenchEvent first) {
    int id = next();
    return new BenchEvent(id, first.channel, ts(id), first.replyThread(), first.user, words);
  }

  /** Every id handed out so far. */
  List<Integer> ids() {
    synchronized (ids) {
      return List.copyOf(ids);
    }
  }

  static List<String> channels() {
    List<String> channels = new ArrayList<>();
    for (int i = 0; i < CHANNELS; i++) {
      channels.add(channel(i));
    }
    return channels;
  }

  private int next() {
    int id = nextId.getAndIncrement();
    ids.add(id);
    return id;
  }

  private String ts(int id) {
    return "%d.%06d".formatted(epochSecond + id / 1_000_000, id % 1_000_000);
  }

  private static String channel(int id) {
    return "C0BENCH%02d".formatted(id % CHANNELS);
  }

  private static String user(int id) {
    return "U0BENCH%03d".formatted(id % USERS);
  }
}
