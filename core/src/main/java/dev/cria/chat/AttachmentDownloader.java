package dev.cria.chat;

/**
 * The port the core fetches attachments through. Each platform adapter provides one: Slack with the
 * bot token, Discord from its CDN.
 */
public interface AttachmentDownloader {

  Platform platform();

  /**
   * The file's bytes.
   *
   * @param maxBytes the most that is read; a larger file fails with {@link TooLarge}
   * @throws DownloadFailed when the platform does not hand the file over
   */
  byte[] download(Attachment attachment, long maxBytes);

  /** The platform did not hand the file over; the message says why, without secrets. */
  class DownloadFailed extends RuntimeException {
    public DownloadFailed(String message) {
      super(message);
    }
  }

  /** The file turned out larger than allowed while it was read. */
  final class TooLarge extends DownloadFailed {
    public TooLarge(String message) {
      super(message);
    }
  }
}
