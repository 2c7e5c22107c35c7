package dev.essayist.content;

import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A post file that parsed, ready to be written to the index.
 *
 * @param source      the split file (name and hash)
 * @param frontMatter the validated front matter
 * @param slug        the effective slug
 * @param path        the canonical root-relative URL path, as served (a trailing slash if the
 *                    permalink has one), e.g. {@code /posts/skip-locked} or {@code /2019/10/01/welcome/}
 * @param aliases     old paths that answer 301 to it, root-relative, without a trailing slash
 * @param guid        the effective stable feed id
 * @param summary     front matter summary, else the text before {@code <!--more-->}, else the first paragraph's
 * @param body        the rendered body
 * @param bundle      the folder of its page bundle ({@code posts/x/index.md}: the files beside it are
 *                    its resources, served under its path), or {@code null}
 * @param warnings    problems that did not stop publication
 * @param keyLines    the 1-based file line of each front matter key present
 * @param facts       what its permalink is made of (so a former pattern can give its former path)
 */
public record ParsedPost(SourceFile source, FrontMatter frontMatter, String slug, String path, List<String> aliases,
                         String guid, String summary, RenderedMarkdown body, @Nullable Path bundle,
                         List<ContentProblem> warnings, Map<String, Integer> keyLines, Permalink.Facts facts)
        implements ParsedFile {

    /**
     * @param key a front matter key
     * @return its 1-based file line, or 0 (the whole file) when the key is absent
     */
    public int line(String key) {
        return keyLines.getOrDefault(key, 0);
    }

    /** @return the path in the form paths are matched in (no trailing slash) */
    public String pathKey() {
        return Permalink.key(path);
    }

    /**
     * @param slug another slug (to tell two posts apart)
     * @param path the path under it
     * @return this post under that slug and path
     */
    ParsedPost withSlug(String slug, String path) {
        Permalink.Facts renamed = new Permalink.Facts(facts.date(), slug, facts.section(), facts.categories(),
                facts.fileName(), facts.givenSlug(), facts.title());
        return new ParsedPost(source, frontMatter, slug, path, aliases, guid, summary, body, bundle, warnings, keyLines,
                renamed);
    }

    /**
     * @param warning one more problem that does not stop publication
     * @return this post with it
     */
    ParsedPost withWarning(ContentProblem warning) {
        List<ContentProblem> all = new java.util.ArrayList<>(warnings);
        all.add(warning);
        return new ParsedPost(source, frontMatter, slug, path, aliases, guid, summary, body, bundle, List.copyOf(all), keyLines,
                facts);
    }
}
