package dev.cria.bench;

import dev.cria.fakes.FakeLlamaApiClock;
import dev.cria.fakes.FakeSlackApi;
import dev.cria.fakes.FakeSlackCall;
import dev.cria.fakes.FakeSlackMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sees each final answer arrive at the fake Slack ({@code chat.stopStream}, or a posted or edited
 * message that is not a progress preview), finds the event it answers by the tag the fake model
 * echoed, and records the end-to-end time and the overhead: end to end minus the time the fake
 * model spent by its pacing. Replies without a tag (errors, refusals) end their thread's event as
 * failed.
 */
final class AnswerWatcher {

  static final Pattern TAG = Pattern.compile("bench-(\\d+)\\b");

  private final FakeSlackApi slack;
  private final FakeLlamaApiClock clock;
  private final Map<Integer, BenchEvent> events = new ConcurrentHashMap<>();
  private final Map<String, BenchEvent> threads = new ConcurrentHashMap<>();
  private volatile boolean recording;
  final Histogram endToEndMicros = new ConcurrentHistogram(600_000_000L, 3);
  final Histogram overheadMicros = new ConcurrentHistogram(600_000_000L, 3);
  final AtomicInteger answers = new AtomicInteger();
  final AtomicInteger lateDuplicates = new AtomicInteger();
  final AtomicInteger errorReplies = new AtomicInteger();
  final List<String> errorTexts = new CopyOnWriteArrayList<>();
  private final AtomicLong firstAnswer = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastAnswer = new AtomicLong(Long.MIN_VALUE);

  AnswerWatcher(FakeSlackApi slack, FakeLlamaApiClock clock) {
    this.slack = slack;
    this.clock = clock;
    slack.onCall(this::onCall);
  }

  /** Starts or stops adding to the histograms (warm-up answers are matched but not recorded). */
  void recording(boolean on) {
    recording = on;
  }

  /** Call before sending the event. */
  void expect(BenchEvent event) {
    events.put(event.id, event);
    threads.put(event.channel + "/" + event.replyThread(), event);
  }

  private void onCall(FakeSlackCall call) {
    long now = System.nanoTime();
    String channel = call.get("channel");
    String text;
    String thread;
    switch (call.method()) {
      case "chat.stopStream", "chat.update" -> {
        FakeSlackMessage message = find(channel, call.get("ts"));
        if (message == null) {
          return;
        }
        text = message.text();
        thread = message.threadTs();
      }
      case "chat.postMessage" -> {
        text = call.get("text");
        thread = call.get("thread_ts");
      }
      default -> {
        return;
      }
    }
    if (text == null || isPreview(text)) {
      return;
    }
    Matcher tag = TAG.matcher(text);
    if (tag.find()) {
      answered(events.get(Integer.parseInt(tag.group(1))), text, now);
    } else {
      failed(threads.get(channel + "/" + thread), text, now);
    }
  }

  private void answered(BenchEvent event, String text, long now) {
    if (event == null) {
      return;
    }
    event.answeredNanos = now;
    if (!event.answered.complete(true)) {
      lateDuplicates.incrementAndGet();
      return;
    }
    answers.incrementAndGet();
    if (recording) {
      firstAnswer.accumulateAndGet(now, Math::min);
      lastAnswer.accumulateAndGet(now, Math::max);
      long endToEnd = (now - event.sentNanos) / 1000;
      Histograms.record(endToEndMicros, endToEnd);
      Histograms.record(overheadMicros, endToEnd - clock.modelMillis(text) * 1000);
    }
  }

  /**
   * Answers per second while answers were arriving: from the first recorded answer to the last, so
   * neither the first model wait nor the tail of the last answers dilutes it.
   */
  double answerRate() {
    long span = lastAnswer.get() - firstAnswer.get();
    int recorded = (int) endToEndMicros.getTotalCount();
    return recorded < 2 || span <= 0 ? Double.NaN : (recorded - 1) / (span / 1e9);
  }

  private void failed(BenchEvent event, String text, long now) {
    errorReplies.incrementAndGet();
    if (errorTexts.size() < 5) {
      errorTexts.add(text);
    }
    if (event != null) {
      event.answeredNanos = now;
      event.answered.complete(false);
    }
  }

  private FakeSlackMessage find(String channel, String ts) {
    return slack.messages(channel).stream().filter(m -> m.ts().equals(ts)).findFirst().orElse(null);
  }

  /** Progress updates end with an ellipsis; the thinking placeholder is no answer either. */
  static boolean isPreview(String text) {
    return text.endsWith("…") || text.endsWith("…_") || text.endsWith("…_\n");
  }
}
