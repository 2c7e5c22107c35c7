package dev.essayist.cache;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/**
 * With {@code essayist.preview=true} there is no cache either, as with the cache switched off: an
 * author sees each save.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageCachePreviewTest extends PageCacheDisabledTest {

    @Override
    Map<String, String> settings() {
        return Map.of("essayist.preview", "true");
    }
}
