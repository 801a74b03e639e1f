package org.example.inquiry.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads one HTTP/1.1 response (head and a Content-Length or chunked body) off a raw socket. */
final class RawHttp {

  private RawHttp() {}

  static String readResponse(InputStream in) throws IOException {
    String head = readHead(in);
    String lower = head.toLowerCase(Locale.ROOT);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int length = contentLength(lower);
    if (length >= 0) {
      body.write(in.readNBytes(length));
    } else if (lower.contains("\ntransfer-encoding: chunked")) {
      while (true) {
        int size = Integer.parseInt(line(in).trim().split(";")[0], 16);
        if (size == 0) {
          line(in);
          break;
        }
        body.write(in.readNBytes(size));
        line(in);
      }
    }
    return head + body.toString(StandardCharsets.UTF_8);
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    String line;
    while (!(line = line(in)).isEmpty()) {
      head.append(line).append('\n');
    }
    return head.toString();
  }

  private static int contentLength(String head) {
    for (String line : head.split("\n")) {
      if (line.startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return -1;
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        line.write(c);
      }
    }
    if (c == -1 && line.size() == 0) {
      throw new IOException("the connection closed");
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
