package org.example.inquiry.schemas.attachments;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.example.inquiry.schemas.AttachmentContent;

/**
 * How a file's content is kept on {@code attachment-contents}: split into parts of at most {@link
 * #PART_BYTES} (the broker takes records up to 1 MiB), each keyed {@code <sha256>:<part>} with the
 * part in five digits, so a file's parts sort together and in order; and joined again, checked
 * whole against its SHA-256. One definition for the writer (intake) and the reader (resolution).
 */
public final class AttachmentParts {

  /** The largest part. */
  public static final int PART_BYTES = 256 * 1024;

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private AttachmentParts() {}

  /** Whether the text is a lower-case hex SHA-256, as files are named here. */
  public static boolean isSha256(String text) {
    return text != null && SHA256.matcher(text).matches();
  }

  /** Hex SHA-256 of the content. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The record key of one part. */
  public static String key(String sha256, int part) {
    return sha256 + ":" + String.format(Locale.ROOT, "%05d", part);
  }

  /** The first key of the file's parts (inclusive). */
  public static String firstKey(String sha256) {
    return key(sha256, 0);
  }

  /** The last possible key of the file's parts (inclusive). */
  public static String lastKey(String sha256) {
    return sha256 + ":99999";
  }

  /** The parts of the content, in order; an empty file is one empty part. */
  public static List<AttachmentContent> split(
      byte[] content, String contentType, Instant storedAt) {
    String sha256 = sha256(content);
    int parts = Math.max(1, (content.length + PART_BYTES - 1) / PART_BYTES);
    List<AttachmentContent> out = new ArrayList<>(parts);
    for (int part = 0; part < parts; part++) {
      int from = part * PART_BYTES;
      int to = Math.min(content.length, from + PART_BYTES);
      out.add(
          AttachmentContent.newBuilder()
              .setSha256(sha256)
              .setPart(part)
              .setParts(parts)
              .setSizeBytes(content.length)
              .setContentType(contentType)
              .setStoredAt(storedAt)
              .setData(ByteBuffer.wrap(content, from, to - from).slice())
              .build());
    }
    return out;
  }

  /** Why stored parts do not make the file they name. */
  public static final class Incomplete extends Exception {
    public Incomplete(String message) {
      super(message);
    }
  }

  /**
   * The file the parts make, checked: every part once, in order, of the same file, its size and its
   * SHA-256 those of {@code sha256}.
   *
   * @throws Incomplete when a part is missing or the parts do not make that file
   */
  public static byte[] join(String sha256, List<AttachmentContent> parts) throws Incomplete {
    if (parts.isEmpty()) {
      throw new Incomplete("no part of " + sha256 + " is stored");
    }
    int expected = parts.get(0).getParts();
    long size = parts.get(0).getSizeBytes();
    if (parts.size() != expected) {
      throw new Incomplete(
          parts.size() + " of the " + expected + " parts of " + sha256 + " are stored");
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new Incomplete(sha256 + " is too large to serve whole");
    }
    byte[] content = new byte[(int) size];
    int filled = 0;
    for (int i = 0; i < parts.size(); i++) {
      AttachmentContent part = parts.get(i);
      if (part.getPart() != i
          || part.getParts() != expected
          || part.getSizeBytes() != size
          || !sha256.equals(part.getSha256())) {
        throw new Incomplete("part " + i + " of " + sha256 + " does not belong with the others");
      }
      ByteBuffer data = part.getData().duplicate();
      if (data.remaining() > content.length - filled) {
        throw new Incomplete("the stored parts of " + sha256 + " do not make the file it names");
      }
      int length = data.remaining();
      data.get(content, filled, length);
      filled += length;
    }
    if (filled != size || !sha256.equals(sha256(content))) {
      throw new Incomplete("the stored parts of " + sha256 + " do not make the file it names");
    }
    return content;
  }
}
