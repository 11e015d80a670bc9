package dev.cria.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What an image costs in Llama 4's context: 336×336 tiles at 145 tokens each plus 2 markers, and
 * one more tile's worth for the downscaled copy when there is more than one tile
 * (docs/architecture.md). Servers scale large images down to at most {@link #MAX_TILES} tiles. An
 * image whose size cannot be read (WebP, which the JDK does not decode) counts as the largest.
 */
final class ImageTokens {

  private static final int TILE = 336;
  private static final int TOKENS_PER_TILE = 145;
  private static final int MAX_TILES = 16;

  private ImageTokens() {}

  static int estimate(String mimeType, byte[] bytes) {
    int[] size = size(mimeType, bytes);
    int tiles =
        size == null ? MAX_TILES : Math.min(MAX_TILES, ceil(size[0], TILE) * ceil(size[1], TILE));
    int tokens = tiles * TOKENS_PER_TILE + 2;
    return tiles > 1 ? tokens + TOKENS_PER_TILE + 2 : tokens;
  }

  private static int[] size(String mimeType, byte[] bytes) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mimeType);
    if (!readers.hasNext()) {
      return null;
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      return new int[] {Math.max(1, reader.getWidth(0)), Math.max(1, reader.getHeight(0))};
    } catch (IOException | RuntimeException e) {
      return null;
    } finally {
      reader.dispose();
    }
  }

  private static int ceil(int length, int tile) {
    return (length + tile - 1) / tile;
  }
}
