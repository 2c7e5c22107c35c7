// Where a binding reaches: ScopedValue vs ThreadLocal across CompletableFuture, an executor and a
// StructuredTaskScope fork ("Why SET LOCAL, not SET"). Not run by CI. Needs JDK 25:
//   java --enable-preview --source 25 ScopedValueHop.java
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.StructuredTaskScope;

public class ScopedValueHop {
  static final ScopedValue<Long> TENANT = ScopedValue.newInstance();
  static final ThreadLocal<Long> LOCAL = new ThreadLocal<>();
  static final InheritableThreadLocal<Long> INHERITED = new InheritableThreadLocal<>();

  static String seen() {
    return "ScopedValue bound=" + TENANT.isBound() + ", ThreadLocal=" + LOCAL.get()
        + ", InheritableThreadLocal=" + INHERITED.get();
  }

  public static void main(String[] args) throws Exception {
    try (var pool = Executors.newFixedThreadPool(2)) {
      pool.submit(() -> {}).get(); // threads exist before the binding
      LOCAL.set(1L);
      INHERITED.set(1L);
      ScopedValue.where(TENANT, 1L).call(() -> {
        System.out.println("caller:              " + seen());
        System.out.println("supplyAsync:         " + CompletableFuture.supplyAsync(ScopedValueHop::seen).get());
        System.out.println("supplyAsync(pool):   " + CompletableFuture.supplyAsync(ScopedValueHop::seen, pool).get());
        System.out.println("executor.submit:     " + pool.submit(ScopedValueHop::seen).get());
        try (var scope = StructuredTaskScope.open()) {
          var fork = scope.fork(ScopedValueHop::seen);
          scope.join();
          System.out.println("StructuredTaskScope: " + fork.get());
        }
        return null;
      });
    }
  }
}
