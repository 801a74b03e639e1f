package org.example.inquiry.metrics.kpi;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.example.inquiry.platform.streams.JsonSerde;

/**
 * The {@code inquiry-facts} store's serde: a compact binary form, written and read field by field.
 * Every event the replay folds reads and writes one inquiry's facts, and every KPI query reads all
 * of them; as JSON that was a quarter of the stream thread's time and most of a query's (JFR,
 * 2026-12-02). Values stored as JSON before (they start with <code>{</code>) are still read, so a
 * store and its changelog need no migration: each is rewritten in the binary form when its inquiry
 * next changes.
 *
 * <p>Layout, version {@value #VERSION}: the version byte, then the fields in the order of {@link
 * #write}. A nullable field is a presence byte (0 or 1) and the value; a string is its UTF-8 length
 * and bytes; an instant is epoch seconds and nanoseconds; a decimal is its scale and unscaled
 * two's-complement bytes. A new field is appended under a new version; this class reads each
 * version it ever wrote.
 */
public final class InquiryFactsSerde implements Serde<InquiryFacts> {

  static final byte VERSION = 1;

  private static final byte JSON_START = '{';

  /** Amounts have scale 4 on the wire; anything far beyond is damage, not money. */
  private static final int MAX_SCALE = 64;

  private final JsonSerde<InquiryFacts> json = new JsonSerde<>(InquiryFacts.class);

  @Override
  public Serializer<InquiryFacts> serializer() {
    return (topic, facts) -> facts == null ? null : toBytes(facts);
  }

  @Override
  public Deserializer<InquiryFacts> deserializer() {
    Deserializer<InquiryFacts> legacy = json.deserializer();
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      if (data.length > 0 && data[0] == JSON_START) {
        return legacy.deserialize(topic, data);
      }
      return fromBytes(data);
    };
  }

  static byte[] toBytes(InquiryFacts f) {
    Bytes bytes = new Bytes();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      write(out, f);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  static InquiryFacts fromBytes(byte[] data) {
    if (data.length == 0 || data[0] != VERSION) {
      throw new SerializationException(
          "Cannot read inquiry facts: "
              + (data.length == 0 ? "no bytes" : "unknown format version " + data[0]));
    }
    // A ByteBuffer, not a DataInputStream: ByteArrayInputStream's reads are synchronized, one
    // call per byte of every int, and a KPI query reads every inquiry's facts.
    ByteBuffer in = ByteBuffer.wrap(data);
    try {
      in.get();
      InquiryFacts f = read(in);
      if (in.hasRemaining()) {
        throw new SerializationException(
            "Cannot read inquiry facts: " + in.remaining() + " bytes left over");
      }
      return f;
    } catch (BufferUnderflowException e) {
      throw new SerializationException("Cannot read inquiry facts: cut short", e);
    }
  }

  private static void write(DataOutputStream out, InquiryFacts f) throws IOException {
    string(out, f.inquiryId);
    instant(out, f.receivedAt);
    string(out, f.channel);
    instant(out, f.classifiedAt);
    strings(out, f.types);
    string(out, f.urgency);
    instant(out, f.routedAt);
    strings(out, f.teams);
    out.writeInt(f.priority);
    instant(out, f.responseDueAt);
    instant(out, f.resolutionDueAt);
    instant(out, f.firstResponseAt);
    instant(out, f.firstApprovalAt);
    out.writeInt(f.approvalsApproved);
    out.writeInt(f.approvalsRejected);
    instant(out, f.resolvedAt);
    out.writeInt(f.resolutions);
    out.writeInt(f.reopenings);
    instant(out, f.lastReopenedAt);
    out.writeBoolean(f.firstContactResolution);
    string(out, f.rootCause);
    List<InquiryFacts.Adjustment> adjustments = f.adjustments == null ? List.of() : f.adjustments;
    out.writeInt(adjustments.size());
    for (InquiryFacts.Adjustment a : adjustments) {
      string(out, a.type());
      decimal(out, a.amount());
      string(out, a.currency());
    }
    decimal(out, f.amount);
    string(out, f.currency);
    out.writeBoolean(f.csatScore != null);
    if (f.csatScore != null) {
      out.writeInt(f.csatScore);
    }
    instant(out, f.ratedAt);
    out.writeBoolean(f.responseBreached);
    out.writeBoolean(f.resolutionBreached);
    instant(out, f.slaPausedAt);
  }

  private static InquiryFacts read(ByteBuffer in) {
    InquiryFacts f = new InquiryFacts();
    f.inquiryId = string(in);
    f.receivedAt = instant(in);
    f.channel = string(in);
    f.classifiedAt = instant(in);
    f.types = strings(in);
    f.urgency = string(in);
    f.routedAt = instant(in);
    f.teams = strings(in);
    f.priority = in.getInt();
    f.responseDueAt = instant(in);
    f.resolutionDueAt = instant(in);
    f.firstResponseAt = instant(in);
    f.firstApprovalAt = instant(in);
    f.approvalsApproved = in.getInt();
    f.approvalsRejected = in.getInt();
    f.resolvedAt = instant(in);
    f.resolutions = in.getInt();
    f.reopenings = in.getInt();
    f.lastReopenedAt = instant(in);
    f.firstContactResolution = bool(in);
    f.rootCause = string(in);
    int adjustments = count(in);
    List<InquiryFacts.Adjustment> list = new ArrayList<>(adjustments);
    for (int i = 0; i < adjustments; i++) {
      list.add(new InquiryFacts.Adjustment(string(in), decimal(in), string(in)));
    }
    f.adjustments = list;
    f.amount = decimal(in);
    f.currency = string(in);
    f.csatScore = bool(in) ? in.getInt() : null;
    f.ratedAt = instant(in);
    f.responseBreached = bool(in);
    f.resolutionBreached = bool(in);
    f.slaPausedAt = instant(in);
    return f;
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static boolean bool(ByteBuffer in) {
    return in.get() != 0;
  }

  private static String string(ByteBuffer in) {
    int length = in.getInt();
    if (length == -1) {
      return null;
    }
    if (length < 0 || length > in.remaining()) {
      throw new SerializationException("Cannot read inquiry facts: a string of " + length);
    }
    byte[] utf8 = new byte[length];
    in.get(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  private static void strings(DataOutputStream out, List<String> list) throws IOException {
    List<String> all = list == null ? List.of() : list;
    out.writeInt(all.size());
    for (String s : all) {
      string(out, s);
    }
  }

  private static List<String> strings(ByteBuffer in) {
    int n = count(in);
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(string(in));
    }
    return list;
  }

  /** A list's length: never more than the bytes left (each element takes at least four). */
  private static int count(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new SerializationException("Cannot read inquiry facts: a list of " + n);
    }
    return n;
  }

  private static void instant(DataOutputStream out, Instant t) throws IOException {
    out.writeBoolean(t != null);
    if (t != null) {
      out.writeLong(t.getEpochSecond());
      out.writeInt(t.getNano());
    }
  }

  private static Instant instant(ByteBuffer in) {
    if (!bool(in)) {
      return null;
    }
    long seconds = in.getLong();
    int nanos = in.getInt();
    if (nanos < 0 || nanos > 999_999_999) {
      throw new SerializationException("Cannot read inquiry facts: " + nanos + " nanoseconds");
    }
    try {
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (DateTimeException | ArithmeticException e) {
      throw new SerializationException("Cannot read inquiry facts: an instant out of range", e);
    }
  }

  private static void decimal(DataOutputStream out, BigDecimal d) throws IOException {
    out.writeBoolean(d != null);
    if (d != null) {
      byte[] unscaled = d.unscaledValue().toByteArray();
      out.writeInt(d.scale());
      out.writeInt(unscaled.length);
      out.write(unscaled);
    }
  }

  private static BigDecimal decimal(ByteBuffer in) {
    if (!bool(in)) {
      return null;
    }
    int scale = in.getInt();
    if (Math.abs((long) scale) > MAX_SCALE) {
      throw new SerializationException("Cannot read inquiry facts: a decimal of scale " + scale);
    }
    int length = in.getInt();
    if (length <= 0 || length > in.remaining()) {
      throw new SerializationException("Cannot read inquiry facts: a decimal of " + length);
    }
    byte[] unscaled = new byte[length];
    in.get(unscaled);
    return new BigDecimal(new BigInteger(unscaled), scale);
  }

  /**
   * A growing byte array, unsynchronized (ByteArrayOutputStream's writes are synchronized, and a
   * DataOutputStream writes an int a byte at a time).
   */
  private static final class Bytes extends OutputStream {
    private byte[] buffer = new byte[256];
    private int size;

    private void ensure(int more) {
      if (size + more > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
      }
    }

    @Override
    public void write(int b) {
      ensure(1);
      buffer[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int offset, int length) {
      ensure(length);
      System.arraycopy(b, offset, buffer, size, length);
      size += length;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buffer, size);
    }
  }
}
