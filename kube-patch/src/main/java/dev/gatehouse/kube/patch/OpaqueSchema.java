package dev.gatehouse.kube.patch;

/** The schema of values nothing is known about; see {@link PatchSchema#opaque()}. */
final class OpaqueSchema implements PatchSchema {
  static final OpaqueSchema INSTANCE = new OpaqueSchema();

  private OpaqueSchema() {}

  @Override
  public Shape shape() {
    return Shape.OPAQUE;
  }

  @Override
  public PatchSchema field(String name) {
    return this;
  }

  @Override
  public PatchSchema items() {
    return this;
  }

  @Override
  public PatchMeta patchMeta() {
    return PatchMeta.NONE;
  }

  @Override
  public String typeName() {
    return "interface";
  }

  @Override
  public String toString() {
    return "PatchSchema.opaque()";
  }
}
