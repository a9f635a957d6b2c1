/**
 * Field-level validation errors rendered exactly as k8s.io/apimachinery's {@code field.Error} (v0.32),
 * because kube-apiserver puts these strings into 422 {@code Status} bodies and kubectl prints them verbatim.
 *
 * <p>Also holds {@link dev.gatehouse.kube.meta.validation.GoFormat}, the small subset of Go's {@code fmt} verbs the
 * upstream messages depend on ({@code %q} strings, {@code %v} numbers).
 */
package dev.gatehouse.kube.meta.validation;
