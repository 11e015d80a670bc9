package dev.cria.chat;

import dev.cria.chat.AttachmentDownloader.DownloadFailed;
import dev.cria.chat.AttachmentDownloader.TooLarge;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a download to its end, but no further than a limit: what the adapters' downloaders share.
 */
public final class BoundedRead {

  private BoundedRead() {}

  /**
   * The stream's bytes, up to {@code maxBytes}.
   *
   * @throws TooLarge when the stream holds more than {@code maxBytes}
   * @throws DownloadFailed when it breaks off
   */
  public static byte[] of(InputStream in, long maxBytes) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int read;
      while ((read = in.read(buffer)) >= 0) {
        total += read;
        if (total > maxBytes) {
          throw new TooLarge("the file is larger than " + maxBytes + " bytes");
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new DownloadFailed("the download broke off");
    }
  }
}
