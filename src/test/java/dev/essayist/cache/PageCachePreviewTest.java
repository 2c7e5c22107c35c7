package dev.essayist.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.essayist.SiteFixture;
import dev.essayist.TestSite.Http;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With {@code essayist.preview=true} every request reads the index: an author sees each save. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageCachePreviewTest extends SiteFixture {

    @Inject
    EmbeddedServer server;

    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(super.getProperties());
        props.put("essayist.preview", "true");
        return props;
    }

    @Test
    void previewNeverServesACachedPage() {
        Http http = new Http(server.getURI());
        assertThat(http.html("/posts/beta").select("h1").text()).isEqualTo("Beta");

        tx.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(
                    "UPDATE post SET title = 'Beta, edited' WHERE slug = 'beta'")) {
                return update.executeUpdate();
            }
        });
        assertThat(http.html("/posts/beta").select("h1").text()).isEqualTo("Beta, edited");
    }
}
