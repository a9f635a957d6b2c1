package dev.gatehouse.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.aws.protocol.Namespaces;
import dev.gatehouse.aws.protocol.Node;
import dev.gatehouse.aws.protocol.QueryResponses;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A result tree rendered as the Query XML the endpoint sends and read back with botocore's own parser (the
 * protocol tests' botocore_parse.py), as the aws CLI and boto3 read it: proof that a response shape is what
 * clients expect. {@link #available()} is false where python3 with botocore is not installed.
 */
public final class Botocore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Boolean available;

  private Botocore() {}

  public static synchronized boolean available() {
    if (available == null) {
      try {
        Process p = new ProcessBuilder("python3", "-c", "import botocore").redirectErrorStream(true).start();
        available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        available = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        available = false;
      }
    }
    return available;
  }

  /** botocore's parsed response (IAM policy documents JSON-decoded, as the CLI does) for {@code result}. */
  public static JsonNode parse(String service, String operation, Node result) {
    String namespace = service.equals("sts") ? Namespaces.STS : Namespaces.IAM;
    byte[] xml = QueryResponses.xml(namespace, operation, result, "00000000-0000-0000-0000-000000000000");
    ObjectNode job = JSON.createObjectNode();
    job.put("service", service);
    job.put("operation", operation);
    job.put("status", 200);
    job.put("body", new String(xml, StandardCharsets.UTF_8));
    try {
      Path script = Path.of(Botocore.class.getResource("/protocol/botocore_parse.py").toURI());
      Process process = new ProcessBuilder("python3", script.toString()).start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(JSON.writeValueAsBytes(job));
      }
      byte[] out = process.getInputStream().readAllBytes();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("botocore_parse.py failed: " + err);
      }
      return JSON.readTree(out);
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
