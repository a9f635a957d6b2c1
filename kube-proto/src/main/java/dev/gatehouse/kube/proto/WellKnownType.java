package dev.gatehouse.kube.proto;

import com.google.protobuf.Descriptors.Descriptor;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** apimachinery types whose JSON form is not their protobuf structure (each has a custom Go JSON marshaller). */
enum WellKnownType {
    /** {@code metav1.Time}: RFC 3339 seconds; zero is null. Nanos on the wire are ignored by the Go decoder. */
    TIME("k8s.io.apimachinery.pkg.apis.meta.v1.Time"),
    /** {@code metav1.MicroTime}: RFC 3339 with six fractional digits; zero is null. */
    MICRO_TIME("k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime"),
    /** {@code metav1.Duration}: Go duration text such as {@code 1m0s}. */
    DURATION("k8s.io.apimachinery.pkg.apis.meta.v1.Duration"),
    /** {@code metav1.FieldsV1}: its raw bytes are JSON and are embedded as such. */
    FIELDS_V1("k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1"),
    /** {@code resource.Quantity}: a string. */
    QUANTITY("k8s.io.apimachinery.pkg.api.resource.Quantity"),
    /** {@code intstr.IntOrString}: a number or a string depending on its type. */
    INT_OR_STRING("k8s.io.apimachinery.pkg.util.intstr.IntOrString"),
    /** {@code runtime.RawExtension}: embedded JSON, or a nested protobuf object. */
    RAW_EXTENSION("k8s.io.apimachinery.pkg.runtime.RawExtension");

    private static final Map<String, WellKnownType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(t -> t.fullName, Function.identity()));

    private final String fullName;

    WellKnownType(String fullName) {
        this.fullName = fullName;
    }

    static Optional<WellKnownType> of(Descriptor message) {
        return Optional.ofNullable(BY_NAME.get(message.getFullName()));
    }

    /** Time and MicroTime are decoded by gogo's Timestamp code, whose names appear in its errors. */
    boolean decodesAsTimestamp() {
        return this == TIME || this == MICRO_TIME;
    }
}
