package dev.essayist.content;

import dev.essayist.content.MarkdownRenderer.RenderedMarkdown;
import java.util.List;

/**
 * A post file that parsed, ready to be written to the index.
 *
 * @param source      the split file (name and hash)
 * @param frontMatter the validated front matter
 * @param slug        the effective slug
 * @param guid        the effective stable feed id
 * @param summary     front matter summary or the first paragraph's text
 * @param body        the rendered body
 * @param warnings    problems that did not stop publication
 * @param keyLines    the 1-based file line of each front matter key present
 */
public record ParsedPost(SourceFile source, FrontMatter frontMatter, String slug, String guid, String summary,
                         RenderedMarkdown body, List<ContentProblem> warnings, java.util.Map<String, Integer> keyLines)
        implements ParsedFile {

    /**
     * @param key a front matter key
     * @return its 1-based file line, or 0 (the whole file) when the key is absent
     */
    public int line(String key) {
        return keyLines.getOrDefault(key, 0);
    }

    /** @return the root-relative canonical path, {@code /posts/{slug}} */
    public String path() {
        return "/posts/" + slug;
    }
}
