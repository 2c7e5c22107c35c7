package dev.essayist;

import dev.essayist.TestSite.Http;
import dev.essayist.content.ContentIndexer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;

/**
 * A test whose site is written inline, before its server starts: the site, the running server and
 * its indexer. A subclass writes its files and returns the settings in {@code getProperties()}
 * (usually {@link TestSite#properties()}, with its own additions).
 */
public abstract class InlineSite implements TestPropertyProvider {

    protected final TestSite site = TestSite.create();

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected ContentIndexer indexer;

    /** @return a client of the running server */
    protected Http http() {
        return new Http(server.getURI());
    }
}
