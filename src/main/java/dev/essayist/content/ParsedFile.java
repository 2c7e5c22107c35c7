package dev.essayist.content;

import java.util.List;

/** A content file that parsed: a post or a standalone page, ready to be written to the index. */
sealed interface ParsedFile permits ParsedPost, ParsedPage {

    /** @return the split file (its name and hash) */
    SourceFile source();

    /** @return problems that did not stop publication */
    List<ContentProblem> warnings();
}
