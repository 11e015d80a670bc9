package dev.cria.core;

import dev.cria.chat.Attachment;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What Cria does with an attachment, judged by its MIME type and then its file name. */
enum FileKind {
  IMAGE,
  TEXT,
  PDF,
  UNSUPPORTED;

  private static final Map<String, String> IMAGE_TYPES =
      Map.of(
          "png", "image/png",
          "jpg", "image/jpeg",
          "jpeg", "image/jpeg",
          "gif", "image/gif",
          "webp", "image/webp");

  /** Text, Markdown, data and code files read as UTF-8 text. */
  private static final Set<String> TEXT_EXTENSIONS =
      Set.of(
          "txt",
          "md",
          "markdown",
          "csv",
          "tsv",
          "json",
          "yaml",
          "yml",
          "xml",
          "html",
          "log",
          "ini",
          "toml",
          "properties",
          "sql",
          "java",
          "kt",
          "kts",
          "scala",
          "groovy",
          "py",
          "rb",
          "go",
          "rs",
          "c",
          "h",
          "cc",
          "cpp",
          "hpp",
          "cs",
          "js",
          "mjs",
          "ts",
          "tsx",
          "jsx",
          "php",
          "swift",
          "sh",
          "bash",
          "zsh",
          "ps1",
          "r",
          "lua",
          "pl",
          "css",
          "scss",
          "gradle",
          "tf",
          "proto",
          "diff",
          "patch");

  private static final Set<String> TEXT_TYPES =
      Set.of(
          "application/json",
          "application/xml",
          "application/x-yaml",
          "application/yaml",
          "application/javascript",
          "application/x-sh",
          "application/sql",
          "application/toml");

  static FileKind of(Attachment attachment) {
    String type = attachment.mimeType().toLowerCase(Locale.ROOT).split(";")[0].strip();
    String extension = extension(attachment.name());
    if (IMAGE_TYPES.containsValue(type) || (type.isEmpty() && IMAGE_TYPES.containsKey(extension))) {
      return IMAGE;
    }
    if (type.equals("application/pdf") || extension.equals("pdf")) {
      return PDF;
    }
    if (type.startsWith("text/")
        || TEXT_TYPES.contains(type)
        || TEXT_EXTENSIONS.contains(extension)) {
      return TEXT;
    }
    return UNSUPPORTED;
  }

  /** The image's MIME type as the model is told it. */
  static String imageType(Attachment attachment) {
    String type = attachment.mimeType().toLowerCase(Locale.ROOT).split(";")[0].strip();
    return IMAGE_TYPES.containsValue(type)
        ? type
        : IMAGE_TYPES.getOrDefault(extension(attachment.name()), "image/png");
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
