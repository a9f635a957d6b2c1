/**
 * What kube-apiserver 1.32's apiextensions-apiserver does with CustomResourceDefinition schemas, with upstream's
 * error messages ({@link dev.gatehouse.kube.meta.validation.FieldError}).
 *
 * <p>For a custom resource on create, update and patch, in this order:
 * <ol>
 *   <li>pruning of unknown fields ({@link dev.gatehouse.kube.openapi.schema.StructuralPruning}, or the
 *       field-validation pass of {@code dev.gatehouse.kube.openapi.validation});
 *   <li>defaulting ({@link dev.gatehouse.kube.openapi.schema.StructuralDefaulting}), also on every read;
 *   <li>metadata validation, then {@link dev.gatehouse.kube.openapi.schema.CustomResourceValidator}.
 * </ol>
 * For the CRD itself, {@link dev.gatehouse.kube.openapi.schema.CrdValidator}.
 *
 * <p>Ported from k8s.io/apiextensions-apiserver v0.32.4 ({@code pkg/apiserver/validation}, {@code
 * pkg/apiserver/schema}, {@code pkg/apis/apiextensions/validation}) and k8s.io/kube-openapi
 * ({@code pkg/validation/validate}, {@code errors}, {@code strfmt}) by reading them; CEL rules
 * ({@code x-kubernetes-validations}) are not evaluated.
 */
package dev.gatehouse.kube.openapi.schema;
