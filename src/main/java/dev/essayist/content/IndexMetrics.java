package dev.essayist.content;

import dev.essayist.post.PostRepository;
import io.micrometer.core.instrument.Gauge;
import io.micronaut.context.BeanProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/**
 * Index gauges for Prometheus ({@code /prometheus}): {@code essayist_index_posts} (rows in the
 * index, drafts and scheduled included) and {@code essayist_content_problems{severity}} (current
 * problems in {@code posts/}). Reindex duration is the {@code essayist_reindex_seconds} timer on
 * {@link ContentIndexer#reindex()}.
 */
@Singleton
class IndexMetrics implements MeterBinder {

    // Providers, not beans: meter binders are applied while the DataSource is being created, and
    // the repository needs that DataSource. The gauges resolve them at scrape time.
    private final BeanProvider<PostRepository> posts;
    private final BeanProvider<ContentIndexer> indexer;

    IndexMetrics(BeanProvider<PostRepository> posts, BeanProvider<ContentIndexer> indexer) {
        this.posts = posts;
        this.indexer = indexer;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("essayist.index.posts", posts, p -> p.get().count())
                .description("Posts in the index, drafts and scheduled included").register(registry);
        for (ContentProblem.Severity severity : ContentProblem.Severity.values()) {
            Gauge.builder("essayist.content.problems", indexer,
                            i -> i.get().problems().stream().filter(p -> p.severity() == severity).count())
                    .tag("severity", severity.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Current problems in posts/").register(registry);
        }
    }
}
