package dev.gatehouse.bench.jmh;

import com.google.protobuf.ByteString;
import dev.gatehouse.kube.proto.DecodedObject;
import dev.gatehouse.kube.proto.ProtobufDecodeException;
import dev.gatehouse.kube.proto.ProtobufDecoder;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1Rbac;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding the protobuf body of a Role (what {@code kubectl create role} / {@code kubectl apply} send with
 * {@code application/vnd.kubernetes.protobuf}) into the JSON object the rest of the server works on.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProtobufDecodeBench {
  private static final byte[] MAGIC = {0x6b, 0x38, 0x73, 0x00};

  private ProtobufDecoder decoder;
  private byte[] body;

  @Setup
  public void setUp() throws ProtobufDecodeException {
    decoder = new ProtobufDecoder();
    V1Rbac.Role role = V1Rbac.Role.newBuilder()
        .setMetadata(Meta.ObjectMeta.newBuilder().setName("config-editor").setNamespace("shop")
            .putLabels("team", "payments").putAnnotations("owner", "payments@example.com")
            .setCreationTimestamp(Meta.Time.newBuilder()))
        .addRules(V1Rbac.PolicyRule.newBuilder().addApiGroups("").addResources("configmaps")
            .addVerbs("get").addVerbs("list").addVerbs("watch").addVerbs("update").addVerbs("patch"))
        .addRules(V1Rbac.PolicyRule.newBuilder().addApiGroups("").addResources("secrets")
            .addResourceNames("web-tls").addVerbs("get"))
        .addRules(V1Rbac.PolicyRule.newBuilder().addApiGroups("apps").addResources("deployments")
            .addResources("deployments/scale").addVerbs("get").addVerbs("update"))
        .build();
    Runtime.Unknown envelope = Runtime.Unknown.newBuilder()
        .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion("rbac.authorization.k8s.io/v1").setKind("Role"))
        .setRaw(ByteString.copyFrom(role.toByteArray()))
        .setContentEncoding("")
        .setContentType("")
        .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(MAGIC);
    out.writeBytes(envelope.toByteArray());
    body = out.toByteArray();
    DecodedObject decoded = decoder.decode(body);
    if (!"Role".equals(decoded.kind()) || decoded.object().path("rules").size() != 3) {
      throw new IllegalStateException("unexpected decode: " + decoded.object());
    }
  }

  @Benchmark
  public DecodedObject decodeRole() throws ProtobufDecodeException {
    return decoder.decode(body);
  }
}
