package dev.cria.store;

import dev.cria.chat.ConversationKey;
import dev.cria.core.ChatTurn;
import dev.cria.core.StoredAttachment;
import dev.cria.core.StoredTurn;
import dev.cria.persistence.ChatMessageRepository;
import dev.cria.persistence.ChatMessageRow;
import java.util.List;
import java.util.Map;

/** The turns the model is asked with: a conversation's newest, or a channel's (for summaries). */
final class StoredHistory {

  private final ChatMessageRepository messages;
  private final TurnAttachments turnAttachments;
  private final WorkerDatabaseShare work;

  StoredHistory(
      ChatMessageRepository messages, TurnAttachments turnAttachments, WorkerDatabaseShare work) {
    this.messages = messages;
    this.turnAttachments = turnAttachments;
    this.work = work;
  }

  List<StoredTurn> newest(ConversationKey conversation, long upToSeq, int limit) {
    String key = conversation.toString();
    List<ChatMessageRow> rows =
        work.run("reading history", () -> messages.findNewest(key, upToSeq, limit));
    Map<Long, List<StoredAttachment>> bySeq = turnAttachments.of(key, rows);
    return rows.stream()
        .map(
            row -> {
              boolean answer = ChatMessageRow.ASSISTANT.equals(row.role());
              return new StoredTurn(
                  answer ? ChatTurn.Role.ASSISTANT : ChatTurn.Role.USER,
                  row.authorName(),
                  row.content(),
                  answer ? List.of() : bySeq.getOrDefault(row.eventSeq(), List.of()));
            })
        .toList();
  }

  List<StoredTurn> newestInChannel(ConversationKey channel, long upToSeq, int limit) {
    String key = channel.channelKey().toString();
    return work
        .run("reading a channel's history", () -> messages.findNewestInChannel(key, upToSeq, limit))
        .stream()
        .map(
            row ->
                new StoredTurn(
                    ChatMessageRow.ASSISTANT.equals(row.role())
                        ? ChatTurn.Role.ASSISTANT
                        : ChatTurn.Role.USER,
                    row.authorName(),
                    row.content()))
        .toList();
  }
}
