package dev.gatehouse.kube.proto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A protobuf request body turned into the JSON object that a JSON client would have sent for the same Go object.
 *
 * @param apiVersion the object's {@code apiVersion}, also present in {@code object}
 * @param kind       the object's {@code kind}, also present in {@code object}
 * @param object     the object as Kubernetes JSON; owned by the caller, who may mutate it
 */
public record DecodedObject(String apiVersion, String kind, ObjectNode object) {

    public DecodedObject {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
    }
}
