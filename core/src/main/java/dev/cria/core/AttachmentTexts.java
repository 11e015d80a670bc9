package dev.cria.core;

/** What Cria tells the user about the files posted with a message that it skipped or cut. */
final class AttachmentTexts {

  static final String SUPPORTED =
      "images (png, jpeg, gif, webp), text, Markdown, code, CSV and PDF";

  private AttachmentTexts() {}

  static String unsupportedFile(String name, String mimeType) {
    String type = mimeType == null || mimeType.isBlank() ? "" : " (" + mimeType + ")";
    return "I can't read `" + name + "`" + type + ": I read " + SUPPORTED + ".";
  }

  static String cannotSeeImages(String model) {
    return "The model `"
        + model
        + "` can't see images, so I answered from the text only. An operator can list vision"
        + " models in LLAMA_VISION_MODELS; you can pick one with the `model` command.";
  }

  static String tooManyImages(String name, int perMessage) {
    return "I skipped `"
        + name
        + "`: at most "
        + perMessage
        + " images per message (CRIA_IMAGES_PER_MESSAGE).";
  }

  static String conversationFullOfImages(String name, int perConversation) {
    return "I skipped `"
        + name
        + "`: this conversation already holds "
        + perConversation
        + " images (CRIA_IMAGES_PER_CONVERSATION). Start a new thread or `reset` for more.";
  }

  static String tooManyFiles(int posted, int read) {
    return "You posted " + posted + " files; I read only the first " + read + ".";
  }

  static String fileTooLarge(String name, int maxMb, String variable) {
    return "I skipped `" + name + "`: it is larger than " + maxMb + " MB (" + variable + ").";
  }

  static String fileCut(String name, int maxChars) {
    return "`"
        + name
        + "` is long: I read only its first "
        + maxChars
        + " characters (CRIA_FILE_MAX_CHARS).";
  }

  static String unreadableFile(String name, String why) {
    return "I couldn't read `" + name + "`: " + why + ".";
  }

  static String notHandedOver(String name) {
    return "I couldn't see `"
        + name
        + "`: the platform did not hand it to me (it may be hidden by the workspace's plan).";
  }

  static String downloadFailed(String name, String why) {
    return "I couldn't download `" + name + "`: " + why + ".";
  }
}
