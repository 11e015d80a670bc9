package dev.cria.core;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits on images and files posted to Cria ({@code CRIA_IMAGE*}, {@code CRIA_FILE*}). Each excess
 * is told to the user with the answer.
 *
 * @param imageMaxMb the largest image downloaded, in MiB
 * @param imagesPerMessage images one message may send to the model; later ones are skipped
 * @param imagesPerConversation images one conversation keeps; later ones are skipped
 * @param fileMaxMb the largest file downloaded to be read as text, in MiB
 * @param fileMaxChars the most characters of one file's text the model is sent; the rest is cut
 */
@ConfigurationProperties("cria.attachments")
public record AttachmentSettings(
    @Bindable(defaultValue = "10") int imageMaxMb,
    @Bindable(defaultValue = "4") int imagesPerMessage,
    @Bindable(defaultValue = "8") int imagesPerConversation,
    @Bindable(defaultValue = "10") int fileMaxMb,
    @Bindable(defaultValue = "40000") int fileMaxChars) {

  long imageMaxBytes() {
    return imageMaxMb * 1024L * 1024L;
  }

  long fileMaxBytes() {
    return fileMaxMb * 1024L * 1024L;
  }
}
