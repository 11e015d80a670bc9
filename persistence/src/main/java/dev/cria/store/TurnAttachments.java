package dev.cria.store;

import dev.cria.chat.ConversationKey;
import dev.cria.core.StoredAttachment;
import dev.cria.persistence.ChatMessageRow;
import dev.cria.persistence.TurnAttachmentRepository;
import dev.cria.persistence.TurnAttachmentRow;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The images and file texts kept with user turns ({@code turn_attachment}), for the store. */
final class TurnAttachments {

  private final TurnAttachmentRepository attachments;
  private final TransactionOperations<Connection> transactions;
  private final WorkerDatabaseShare work;

  TurnAttachments(
      TurnAttachmentRepository attachments,
      TransactionOperations<Connection> transactions,
      WorkerDatabaseShare work) {
    this.attachments = attachments;
    this.transactions = transactions;
    this.work = work;
  }

  /** The attachments of the user turns among these rows, by event. */
  Map<Long, List<StoredAttachment>> of(String key, List<ChatMessageRow> rows) {
    List<Long> seqs =
        rows.stream()
            .filter(row -> ChatMessageRow.USER.equals(row.role()))
            .map(ChatMessageRow::eventSeq)
            .toList();
    if (seqs.isEmpty()) {
      return Map.of();
    }
    return work
        .run(
            "reading attachments",
            () -> attachments.findByConversationKeyAndEventSeqInOrderById(key, seqs))
        .stream()
        .collect(
            Collectors.groupingBy(
                TurnAttachmentRow::eventSeq,
                Collectors.mapping(TurnAttachments::attachment, Collectors.toList())));
  }

  private static StoredAttachment attachment(TurnAttachmentRow row) {
    return new StoredAttachment(
        TurnAttachmentRow.IMAGE.equals(row.kind())
            ? StoredAttachment.Kind.IMAGE
            : StoredAttachment.Kind.FILE,
        row.name(),
        row.mimeType(),
        row.content(),
        row.tokens());
  }

  void save(ConversationKey conversation, long seq, List<StoredAttachment> toKeep) {
    String key = conversation.toString();
    Instant now = Instant.now();
    List<TurnAttachmentRow> rows =
        toKeep.stream()
            .map(
                attachment ->
                    new TurnAttachmentRow(
                        null,
                        key,
                        seq,
                        attachment.kind().name().toLowerCase(Locale.ROOT),
                        StoredLimits.name(attachment.name()),
                        StoredLimits.mimeType(attachment.mimeType()),
                        StoredLimits.text(attachment.content()),
                        attachment.tokens(),
                        now))
            .toList();
    work.run(
        "storing attachments",
        () ->
            transactions.executeWrite(
                status -> {
                  attachments.deleteByEventSeq(seq);
                  attachments.saveAll(rows);
                  return null;
                }));
  }

  long imageCount(ConversationKey conversation, long exceptSeq) {
    return work.run(
        "counting images",
        () ->
            attachments.countByConversationKeyAndKindAndEventSeqNotEqual(
                conversation.toString(), TurnAttachmentRow.IMAGE, exceptSeq));
  }
}
