/**
 * Object name, label, annotation and metadata validation with kube-apiserver 1.32 messages
 * (k8s.io/apimachinery {@code util/validation}, {@code api/validation}, {@code apis/meta/v1/validation}).
 *
 * <p>Lengths are measured in UTF-8 bytes, as Go's {@code len(string)} does.
 */
package dev.gatehouse.kube.meta.names;
