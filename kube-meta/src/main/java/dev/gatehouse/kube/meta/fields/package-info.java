/**
 * Field selectors: the string syntax of {@code k8s.io/apimachinery/pkg/fields.ParseSelector} (v0.32), the
 * per-resource field label conversion kube-apiserver applies before listing ({@code ConvertFieldLabel}), and the
 * field sets its registries expose for matching ({@code ToSelectableFields}).
 *
 * <p>kube-apiserver answers both a malformed selector and an unsupported field label with a 400
 * {@code BadRequest} whose message is the {@link dev.gatehouse.kube.meta.fields.FieldSelectorException} text.
 */
package dev.gatehouse.kube.meta.fields;
