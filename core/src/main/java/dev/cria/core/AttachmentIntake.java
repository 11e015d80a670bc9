package dev.cria.core;

import dev.cria.chat.Attachment;
import dev.cria.chat.AttachmentDownloader;
import dev.cria.chat.AttachmentDownloader.DownloadFailed;
import dev.cria.chat.AttachmentDownloader.TooLarge;
import dev.cria.chat.ChatEvent;
import dev.cria.chat.Platform;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the files posted with a message through the platform's {@link AttachmentDownloader} and
 * keeps them with the user turn: images (png, jpeg, gif, webp) as they are; text, Markdown, code,
 * CSV and PDF as their text. Applies the limits of {@link AttachmentSettings}; every file that is
 * skipped or cut gets a notice for the user.
 */
@Singleton
class AttachmentIntake {

  private static final Logger LOG = LoggerFactory.getLogger(AttachmentIntake.class);

  /** Files read from one message; Slack and Discord allow ten, a forged event may list more. */
  static final int MAX_FILES = 20;

  private final Map<Platform, AttachmentDownloader> downloaders = new EnumMap<>(Platform.class);
  private final ConversationStore store;
  private final AttachmentSettings limits;

  AttachmentIntake(
      List<AttachmentDownloader> downloaders, ConversationStore store, AttachmentSettings limits) {
    downloaders.forEach(downloader -> this.downloaders.put(downloader.platform(), downloader));
    this.store = store;
    this.limits = limits;
  }

  /**
   * Downloads, reads and keeps the attachments of an event.
   *
   * @param model the model that answers, named when it cannot see images
   * @param seesImages whether that model takes images; when not, images are not fetched
   */
  Intake take(QueuedEvent queued, String model, boolean seesImages) {
    ChatEvent event = queued.event();
    if (event.attachments().isEmpty()) {
      return Intake.NONE;
    }
    List<StoredAttachment> kept = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    long earlierImages = seesImages ? store.imageCount(event.conversation(), queued.seq()) : 0;
    int images = 0;
    boolean toldBlind = false;
    List<Attachment> posted = event.attachments();
    if (posted.size() > MAX_FILES) {
      notices.add(AttachmentTexts.tooManyFiles(posted.size(), MAX_FILES));
      posted = posted.subList(0, MAX_FILES);
    }
    for (Attachment attachment : posted) {
      FileKind kind = FileKind.of(attachment);
      if (!attachment.available()) {
        notices.add(AttachmentTexts.notHandedOver(attachment.name()));
      } else if (kind == FileKind.UNSUPPORTED) {
        notices.add(AttachmentTexts.unsupportedFile(attachment.name(), attachment.mimeType()));
      } else if (kind != FileKind.IMAGE) {
        file(event.platform(), attachment, kind, kept, notices);
      } else if (!seesImages) {
        if (!toldBlind) {
          notices.add(AttachmentTexts.cannotSeeImages(model));
          toldBlind = true;
        }
      } else if (images >= limits.imagesPerMessage()) {
        notices.add(AttachmentTexts.tooManyImages(attachment.name(), limits.imagesPerMessage()));
      } else if (earlierImages + images >= limits.imagesPerConversation()) {
        notices.add(
            AttachmentTexts.conversationFullOfImages(
                attachment.name(), limits.imagesPerConversation()));
      } else if (image(event.platform(), attachment, kept, notices)) {
        images++;
      }
    }
    store.saveAttachments(event.conversation(), queued.seq(), kept);
    return new Intake(kept, notices);
  }

  /** Keeps one image; returns whether it was kept. */
  private boolean image(
      Platform platform, Attachment attachment, List<StoredAttachment> kept, List<String> notices) {
    byte[] bytes =
        download(
            platform,
            attachment,
            limits.imageMaxBytes(),
            limits.imageMaxMb(),
            "CRIA_IMAGE_MAX_MB",
            notices);
    if (bytes == null) {
      return false;
    }
    String type = FileKind.imageType(attachment);
    kept.add(
        StoredAttachment.image(
            attachment.name(),
            type,
            Base64.getEncoder().encodeToString(bytes),
            ImageTokens.estimate(type, bytes)));
    return true;
  }

  private void file(
      Platform platform,
      Attachment attachment,
      FileKind kind,
      List<StoredAttachment> kept,
      List<String> notices) {
    byte[] bytes =
        download(
            platform,
            attachment,
            limits.fileMaxBytes(),
            limits.fileMaxMb(),
            "CRIA_FILE_MAX_MB",
            notices);
    if (bytes == null) {
      return;
    }
    String text;
    try {
      text = FileText.of(kind, bytes);
    } catch (FileText.Unreadable e) {
      notices.add(AttachmentTexts.unreadableFile(attachment.name(), e.getMessage()));
      return;
    }
    if (text.length() > limits.fileMaxChars()) {
      text = text.substring(0, limits.fileMaxChars());
      notices.add(AttachmentTexts.fileCut(attachment.name(), limits.fileMaxChars()));
    }
    kept.add(StoredAttachment.file(attachment.name(), attachment.mimeType(), text));
  }

  /**
   * The file's bytes, or null when it is too large or could not be fetched (and a notice says so).
   */
  private byte[] download(
      Platform platform,
      Attachment attachment,
      long maxBytes,
      int maxMb,
      String variable,
      List<String> notices) {
    if (attachment.size() > maxBytes) {
      notices.add(AttachmentTexts.fileTooLarge(attachment.name(), maxMb, variable));
      return null;
    }
    AttachmentDownloader downloader = downloaders.get(platform);
    if (downloader == null) {
      notices.add(
          AttachmentTexts.downloadFailed(attachment.name(), "this platform cannot hand it over"));
      return null;
    }
    try {
      return downloader.download(attachment, maxBytes);
    } catch (TooLarge e) {
      notices.add(AttachmentTexts.fileTooLarge(attachment.name(), maxMb, variable));
    } catch (DownloadFailed e) {
      LOG.warn("Could not download {}: {}", attachment, e.getMessage());
      notices.add(AttachmentTexts.downloadFailed(attachment.name(), e.getMessage()));
    }
    return null;
  }

  /** What was kept, and what the user is told about the rest. */
  record Intake(List<StoredAttachment> kept, List<String> notices) {
    static final Intake NONE = new Intake(List.of(), List.of());
  }
}
