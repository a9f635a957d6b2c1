package dev.gatehouse.store;

import dev.gatehouse.store.etcd.EtcdProcess;
import dev.gatehouse.store.etcd.EtcdStore;
import dev.gatehouse.store.etcd.EtcdStoreOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store contract against a real etcd, a fresh one per test method. Contract cases each open a store on a
 * directory of their own while sharing the method's etcd, so each gets a key prefix named after it; the
 * method-level tests use the store on "store" without a prefix, so both key layouts run the contract.
 *
 * <p>This class sits in the contract's package to override its package-private case factory with that
 * per-case prefix.
 */
class EtcdStoreContractTest extends StoreContractTest {
  @RegisterExtension
  final EtcdProcess etcd = new EtcdProcess();

  @Override
  protected Store newStore(Path dir) {
    String name = dir.getFileName().toString();
    String prefix = name.equals("store") ? "" : "/" + name;
    return EtcdStore.open(EtcdStoreOptions.of(etcd.endpoint()).withKeyPrefix(prefix));
  }

  @Override
  @TestFactory
  Stream<DynamicTest> contractCases() {
    List<ContractCase> cases = ContractCaseRunner.load("/dev/gatehouse/store/contract-cases.yaml");
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      try (Store fresh = newStore(dir.resolve("case-" + Math.abs(c.name().hashCode())))) {
        ContractCaseRunner.run(fresh, c);
      }
    }));
  }
}
