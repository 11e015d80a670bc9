package dev.cria.bench;

import dev.cria.fakes.FakeSlackEvents;
import java.util.concurrent.CompletableFuture;

/**
 * One signed {@code app_mention} the driver sends, and what became of it. Its text carries a tag
 * ({@code bench-<id>}) that the fake model echoes, so the answer that reaches the fake Slack names
 * the event it answers.
 */
final class BenchEvent {

  private static final String[] WORDS = {
    "llama", "cria", "alpaca", "wool", "andes", "herd", "pasture", "shear", "spin", "yarn", "guard",
    "hay", "fleece", "trek", "valley", "summit"
  };

  final int id;
  final String channel;
  final String ts;
  final String threadTs;
  final String user;
  final String text;
  final String body;

  /** Completed with the nano time the final answer reached the fake Slack; true if an answer. */
  final CompletableFuture<Boolean> answered = new CompletableFuture<>();

  volatile long sentNanos;
  volatile long answeredNanos;

  BenchEvent(int id, String channel, String ts, String threadTs, String user, int words) {
    this.id = id;
    this.channel = channel;
    this.ts = ts;
    this.threadTs = threadTs;
    this.user = user;
    this.text = text(id, words);
    this.body = FakeSlackEvents.mention(eventId(id), channel, ts, threadTs, user, text);
  }

  /** The thread the answer goes to: the thread mentioned in, or a new one on the mention. */
  String replyThread() {
    return threadTs != null ? threadTs : ts;
  }

  static String eventId(int id) {
    return "Ev" + id;
  }

  static String tag(int id) {
    return "bench-" + id;
  }

  private static String text(int id, int words) {
    StringBuilder text = new StringBuilder(tag(id));
    for (int i = 0; i < words; i++) {
      text.append(' ').append(WORDS[(id + i * 7) % WORDS.length]);
    }
    return text.toString();
  }
}
