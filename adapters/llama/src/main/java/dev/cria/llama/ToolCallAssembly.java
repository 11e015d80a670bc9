package dev.cria.llama;

import dev.cria.core.ToolCall;
import dev.cria.llama.StreamDelta.ToolCallDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Puts streamed tool-call fragments together into whole calls: the first fragment of a call carries
 * its id and name, later ones pieces of the arguments, which are concatenated. A call without an id
 * (some servers leave it out) gets a generated one, since its result must name it.
 */
final class ToolCallAssembly {

  private final List<Building> calls = new ArrayList<>();

  private static final class Building {
    private final Integer index;
    private String id;
    private final StringBuilder name = new StringBuilder();
    private final StringBuilder arguments = new StringBuilder();

    Building(Integer index, String id) {
      this.index = index;
      this.id = id;
    }
  }

  void add(ToolCallDelta delta) {
    Building call = callFor(delta);
    if (call.id == null && present(delta.id())) {
      call.id = delta.id();
    }
    if (present(delta.name())) {
      call.name.append(delta.name());
    }
    if (delta.arguments() != null) {
      call.arguments.append(delta.arguments());
    }
  }

  private Building callFor(ToolCallDelta delta) {
    if (delta.index() != null) {
      for (Building call : calls) {
        if (delta.index().equals(call.index)) {
          return call;
        }
      }
      return started(delta);
    }
    Building last = calls.isEmpty() ? null : calls.getLast();
    boolean nextCall =
        last == null || (present(delta.id()) && last.id != null && !delta.id().equals(last.id));
    return nextCall ? started(delta) : last;
  }

  private Building started(ToolCallDelta delta) {
    Building call = new Building(delta.index(), present(delta.id()) ? delta.id() : null);
    calls.add(call);
    return call;
  }

  /** The whole calls, in the order they started; calls without a name are dropped. */
  List<ToolCall> calls() {
    List<ToolCall> done = new ArrayList<>();
    for (Building call : calls) {
      if (!call.name.isEmpty()) {
        String id = call.id != null ? call.id : "call_" + UUID.randomUUID();
        done.add(new ToolCall(id, call.name.toString(), call.arguments.toString()));
      }
    }
    return List.copyOf(done);
  }

  private static boolean present(String text) {
    return text != null && !text.isEmpty();
  }
}
