package dev.essayist.content;

import dev.essayist.content.engines.PostUrls;
import dev.essayist.content.render.ImageFiles;
import dev.essayist.content.render.ImageVariants;
import dev.essayist.content.render.MathSyntax;
import dev.essayist.site.SiteConfig;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * How content files are read, as the settings say: the renderer (with image lookups), the post
 * reader with the site's permalink ({@code essayist.permalink}) and feed-id pattern
 * ({@code essayist.feed.id-permalink}), their tokens read as the engine a blog moved from reads them
 * ({@code essayist.moved-from}), and the contained, parallel reads within
 * {@code essayist.render-budget}.
 */
@Singleton
class ContentReaders {

    private final FileReader reader;
    private final ContainedReads reads;
    private final String permalink;
    @Nullable
    private final String settingProblem;

    ContentReaders(SiteConfig site, ImageFiles images, ImageVariants variants,
                   @Value("${essayist.render-budget:30s}") Duration renderBudget,
                   @Value("${essayist.permalink:}") String permalink,
                   @Value("${essayist.feed.id-permalink:}") String idPermalink,
                   @Value("${essayist.moved-from:}") String movedFrom) {
        this.permalink = permalink.isBlank() ? Permalink.DEFAULT : permalink.strip();
        // Math as the engine a blog moved from delimited it ($$ alone), else GitHub's ($ and $$).
        MarkdownRenderer markdown = new MarkdownRenderer(images, variants, PostUrls.DEFAULT,
                movedFrom.isBlank() ? MathSyntax.create() : MathSyntax.doubleDollars());
        PostReader posts;
        String problem = null;
        try {
            Permalink.Reading reading = reading(movedFrom);
            posts = new PostReader(site.zone(), markdown, Permalink.of(this.permalink, reading),
                    idPermalink.isBlank() ? null : Permalink.of(idPermalink, reading), site.base());
        } catch (IllegalArgumentException e) {
            problem = "essayist.permalink, essayist.feed.id-permalink or essayist.moved-from is unusable: " + e.getMessage();
            posts = new PostReader(site.zone(), markdown);
        }
        this.settingProblem = problem;
        this.reader = new FileReader(posts, new PageReader(site.zone(), markdown));
        this.reads = new ContainedReads(renderBudget);
    }

    /**
     * @param movedFrom {@code essayist.moved-from}: {@code hugo}, {@code jekyll} or empty
     * @return whose meaning the tokens both engines name have: Hugo's only for {@code hugo}
     * @throws IllegalArgumentException for another engine's name
     */
    private static Permalink.Reading reading(String movedFrom) {
        return switch (movedFrom.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "hugo" -> Permalink.Reading.HUGO;
            case "", "jekyll" -> Permalink.Reading.JEKYLL;
            default -> throw new IllegalArgumentException("essayist.moved-from is '" + movedFrom
                    + "'; it may be 'hugo' or 'jekyll'");
        };
    }

    /** @return the permalink in force */
    String permalink() {
        return permalink;
    }

    /**
     * What one pass over the posts folder read.
     *
     * @param files   post and page files found
     * @param states  their states, in file order
     * @param skipped the files that are not content, each as {@code file: skipped: reason}
     */
    record FolderRead(int files, List<FileState> states, List<String> skipped) {
    }

    /**
     * Scans a posts folder ({@link PostsFolder}) and reads every content file in it, contained and
     * in parallel ({@link ContainedReads#readAll}): the first stage of a reindex and of {@code check}.
     *
     * @param posts     the posts folder
     * @param knownHash for each file, the hash of its bytes as last indexed or failed, or {@code null}
     * @return what was read
     * @throws PostsFolderException if a setting makes reading impossible (an unknown permalink
     *                              token), or the folder does not exist or cannot be listed
     */
    FolderRead read(Path posts, Function<String, String> knownHash) {
        if (settingProblem != null) {
            throw new PostsFolderException(settingProblem, null);
        }
        PostsFolder folder = PostsFolder.scan(posts);
        List<FileState> states = new ArrayList<>(
                reads.readAll(folder.entries(), e -> reader.read(e, knownHash.apply(e.name()))));
        states.sort(Comparator.comparing(FileState::file));
        return new FolderRead(folder.entries().size(), states,
                folder.skipped().stream().map(PostsFolder.Skipped::toString).toList());
    }

    @PreDestroy
    void close() {
        reads.close();
    }
}
