package dev.gatehouse.bench.load.aws;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection over a plain blocking socket, one request at a time (no pipelining), the
 * way an SDK's pooled connection is used. Owned by a single thread.
 *
 * <p>Why not {@code java.net.http.HttpClient}: its HTTP/1.1 pool is driven by one selector thread with several
 * hand-offs per exchange, which costs more CPU per request than a blocking read on a socket; on two cores shared
 * with the server every client microsecond is taken from the server. Only what the two servers send is parsed:
 * a status line, headers, then a {@code Content-Length} or chunked body.
 */
final class QueryConnection implements AutoCloseable {
  /** A whole response. */
  record Response(int status, byte[] body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    boolean contains(byte[] needle) {
      outer:
      for (int i = 0; i + needle.length <= body.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (body[i + j] != needle[j]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** Status and the start of the body, for error samples. */
    String summary() {
      String t = text().replaceAll("\\s+", " ");
      return status + " " + (t.length() > 240 ? t.substring(0, 240) + "..." : t);
    }
  }

  private static final int TIMEOUT_MILLIS = 60_000;

  private final InetSocketAddress address;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final StringBuilder line = new StringBuilder(128);

  QueryConnection(InetSocketAddress address) {
    this.address = address;
  }

  /**
   * Sends {@code request} (complete bytes: head and body) and reads the response. A reused connection that the
   * server closed while idle is reopened once, as SDKs do; any other failure closes the connection and throws.
   */
  Response exchange(byte[] request) throws IOException {
    boolean reused = socket != null;
    try {
      return attempt(request);
    } catch (EOFException e) {
      close();
      if (!reused) {
        throw e;
      }
      return attempt(request);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private Response attempt(byte[] request) throws IOException {
    if (socket == null) {
      open();
    }
    out.write(request);
    out.flush();
    return readResponse();
  }

  private void open() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.setSoTimeout(TIMEOUT_MILLIS);
    s.connect(address, TIMEOUT_MILLIS);
    socket = s;
    in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
    out = s.getOutputStream();
  }

  private Response readResponse() throws IOException {
    String statusLine = readLine();
    if (statusLine == null) {
      throw new EOFException("connection closed before the status line");
    }
    // "HTTP/1.1 200 OK"
    int sp = statusLine.indexOf(' ');
    if (!statusLine.startsWith("HTTP/") || sp < 0 || statusLine.length() < sp + 4) {
      throw new IOException("bad status line: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(sp + 1, sp + 4));
    boolean keepAlive = statusLine.startsWith("HTTP/1.1");
    long contentLength = -1;
    boolean chunked = false;
    String header;
    while ((header = readLine()) != null && !header.isEmpty()) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> contentLength = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> keepAlive = !value.equalsIgnoreCase("close")
            && (keepAlive || value.equalsIgnoreCase("keep-alive"));
        default -> { }
      }
    }
    if (header == null) {
      throw new EOFException("connection closed inside the response headers");
    }
    byte[] body;
    if (chunked) {
      body = readChunked();
    } else if (contentLength >= 0) {
      body = in.readNBytes((int) contentLength);
      if (body.length != contentLength) {
        throw new EOFException("connection closed inside the response body");
      }
    } else {
      body = in.readAllBytes(); // delimited by the server closing the connection
      keepAlive = false;
    }
    if (!keepAlive) {
      close();
    }
    return new Response(status, body);
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = readLine();
      if (size == null) {
        throw new EOFException("connection closed inside a chunked body");
      }
      int semicolon = size.indexOf(';');
      int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        String trailer;
        while ((trailer = readLine()) != null && !trailer.isEmpty()) {
          // trailers are ignored
        }
        return body.toByteArray();
      }
      byte[] chunk = in.readNBytes(n);
      if (chunk.length != n) {
        throw new EOFException("connection closed inside a chunk");
      }
      body.write(chunk);
      readLine(); // the CRLF after the chunk
    }
  }

  /** A header line without its CRLF (ISO-8859-1); null at end of stream before any byte. */
  private String readLine() throws IOException {
    line.setLength(0);
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      line.append((char) b);
    }
    return line.length() == 0 ? null : line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a broken socket: nothing to do
      }
      socket = null;
      in = null;
      out = null;
    }
  }
}
