package dev.cria.fakes;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link FakeLlamaApi} (the native shape, both dialects) per test class: started before the
 * first test, reset before each, closed after the last. Test and {@code @BeforeEach} methods take
 * it as a parameter:
 *
 * <pre>{@code
 * @ExtendWith(FakeLlamaApiExtension.class)
 * class SomeTest {
 *   @BeforeEach
 *   void setUp(FakeLlamaApi api) { ... }
 * }
 * }</pre>
 */
public final class FakeLlamaApiExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeLlamaApiExtension.class);
  private static final String KEY = "api";

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NAMESPACE).put(KEY, FakeLlamaApi.start());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    FakeLlamaApi api = context.getStore(NAMESPACE).remove(KEY, FakeLlamaApi.class);
    if (api != null) {
      api.close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    api(context).reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeLlamaApi.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return api(context);
  }

  private static FakeLlamaApi api(ExtensionContext context) {
    FakeLlamaApi api = context.getStore(NAMESPACE).get(KEY, FakeLlamaApi.class);
    if (api == null) {
      throw new IllegalStateException("FakeLlamaApiExtension: no fake Llama API started");
    }
    return api;
  }
}
