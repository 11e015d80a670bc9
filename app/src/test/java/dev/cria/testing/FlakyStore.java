package dev.cria.testing;

import dev.cria.core.ConversationStore;
import dev.cria.core.EventQueue;
import dev.cria.core.StoreException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes named methods of the real store and queue fail as the database would while it restarts, so
 * that pipeline tests on H2 can check what the core does then. {@code cria.test.flaky-store} lists
 * {@code method:count} (fails that many calls with a transient {@link StoreException}) or {@code
 * method:always} (fails every call with one that is not transient).
 */
public final class FlakyStore {

  private final Map<String, AtomicInteger> remaining = new ConcurrentHashMap<>();
  private final Map<String, Boolean> always = new ConcurrentHashMap<>();

  FlakyStore(List<String> spec) {
    for (String entry : spec) {
      String[] parts = entry.split(":");
      if ("always".equals(parts[1])) {
        always.put(parts[0], true);
      } else {
        remaining.put(parts[0], new AtomicInteger(Integer.parseInt(parts[1])));
      }
    }
  }

  @SuppressWarnings("unchecked")
  <T> T wrap(Class<T> type, T target) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              String name = method.getName();
              if (always.containsKey(name)) {
                throw new StoreException(name + " failed (test)", null, false);
              }
              AtomicInteger left = remaining.get(name);
              if (left != null && left.getAndDecrement() > 0) {
                throw new StoreException(name + " failed (test, transient)", null, true);
              }
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** Wraps the conversation store. */
  @Singleton
  @Requires(property = "cria.test.flaky-store")
  static final class StoreWrapper implements BeanCreatedEventListener<ConversationStore> {
    private final FlakyStore flaky;

    StoreWrapper(@Value("${cria.test.flaky-store}") List<String> spec) {
      this.flaky = new FlakyStore(spec);
    }

    @Override
    public ConversationStore onCreated(BeanCreatedEvent<ConversationStore> event) {
      return flaky.wrap(ConversationStore.class, event.getBean());
    }
  }

  /** Wraps the event queue. */
  @Singleton
  @Requires(property = "cria.test.flaky-store")
  static final class QueueWrapper implements BeanCreatedEventListener<EventQueue> {
    private final FlakyStore flaky;

    QueueWrapper(@Value("${cria.test.flaky-store}") List<String> spec) {
      this.flaky = new FlakyStore(spec);
    }

    @Override
    public EventQueue onCreated(BeanCreatedEvent<EventQueue> event) {
      return flaky.wrap(EventQueue.class, event.getBean());
    }
  }
}
