/**
 * Kubernetes protobuf request bodies, decoded into the JSON a JSON client would have sent.
 *
 * <p>kubectl 1.32's typed clients send {@code application/vnd.kubernetes.protobuf} bodies ({@code auth can-i},
 * {@code create role|token|...}, {@code auth reconcile}); the rest of Gatehouse works on JSON. Entry point:
 * {@link dev.gatehouse.kube.proto.ProtobufDecoder}. The pipeline is
 * envelope ({@code k8s\0} + {@code runtime.Unknown}) → kind lookup ({@code KindRegistry}) → gogo-compatible wire
 * parsing ({@code WireParser}) → Go {@code encoding/json} rendering ({@code GoJsonRenderer}), driven by the
 * client-java-proto descriptors plus a table of Go struct tags ({@code go-json-fields.tsv}: JSON names and
 * pointer/omitempty/inline flags read off the Go API types at v0.32.4).
 */
package dev.gatehouse.kube.proto;
