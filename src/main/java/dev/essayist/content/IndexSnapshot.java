package dev.essayist.content;

import dev.essayist.page.Page;
import dev.essayist.page.PageRepository;
import dev.essayist.post.AliasRepository;
import dev.essayist.post.PostRepository;
import dev.essayist.post.PostSource;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the index holds at the start of a reindex: each post file's identities, each indexed file's
 * hash, and the page files.
 *
 * @param posts  each post file's identities, by file
 * @param hashes each indexed file's SHA-256 (posts and pages), by file
 * @param pages  the page files
 * @param permalinks the permalink the rows were written under, then the ones before it (empty for a new index)
 */
record IndexSnapshot(Map<String, Identities.Claim> posts, Map<String, String> hashes, Set<String> pages,
                     List<String> permalinks) {

    /**
     * @return the snapshot, read from the committed rows
     */
    static IndexSnapshot load(PostRepository posts, AliasRepository aliases, PageRepository pages, IndexMeta.Repository meta) {
        Map<String, List<String>> aliasesByFile = new HashMap<>();
        aliases.findAliasSources().forEach(a -> aliasesByFile.computeIfAbsent(a.sourcePath(), f -> new ArrayList<>()).add(a.path()));
        Map<String, Identities.Claim> claims = new HashMap<>();
        Map<String, String> hashes = new HashMap<>();
        for (PostSource s : posts.findSources()) {
            claims.put(s.sourcePath(), new Identities.Claim(s.sourcePath(), s.pathKey(), s.guid(),
                    aliasesByFile.getOrDefault(s.sourcePath(), List.of())));
            hashes.put(s.sourcePath(), s.sourceHash());
        }
        Set<String> pageFiles = new HashSet<>();
        for (Page page : pages.findAll()) {
            pageFiles.add(page.sourcePath());
            hashes.put(page.sourcePath(), page.sourceHash());
        }
        List<String> permalinks = meta.findById(IndexWriter.PERMALINKS).map(m -> List.of(m.setting().split("\n")))
                .orElse(List.of());
        return new IndexSnapshot(claims, hashes, pageFiles, permalinks);
    }

    /**
     * @param current the permalink now configured
     * @return the permalinks to record: the current one, then every earlier one (most recent first)
     */
    List<String> permalinksWith(String current) {
        List<String> all = new ArrayList<>(List.of(current));
        permalinks.stream().filter(p -> !p.equals(current)).forEach(all::add);
        return List.copyOf(all);
    }

    /** @return whether the rows were written under another permalink than {@code current} */
    boolean permalinkChanged(String current) {
        return !permalinks.isEmpty() && !permalinks.get(0).equals(current);
    }

    /**
     * @param file a content file
     * @return its SHA-256 as indexed, or {@code null}
     */
    @Nullable
    String hash(String file) {
        return hashes.get(file);
    }

    /** @return the snapshot without the post files' hashes, so that every post file is read again */
    IndexSnapshot withoutPostHashes() {
        Map<String, String> kept = new HashMap<>(hashes);
        posts.keySet().forEach(kept::remove);
        return new IndexSnapshot(posts, kept, pages, permalinks);
    }

    /**
     * Decides what a reindex writes: the parsed posts whose identities hold ({@link Identities}), the
     * parsed pages, and the files that are gone.
     *
     * @param states the states of the files on disk, in file order; a post rejected for its identity
     *               is replaced by its {@link FileState.Failed}
     * @param token  the search state token for the change
     * @return the change
     */
    IndexChange plan(List<FileState> states, String token, List<String> permalinks) {
        Set<String> onDisk = new HashSet<>();
        List<ParsedPost> parsed = new ArrayList<>();
        List<ParsedPage> parsedPages = new ArrayList<>();
        for (FileState state : states) {
            onDisk.add(state.file());
            if (state instanceof FileState.Parsed p && p.content() instanceof ParsedPost post) {
                parsed.add(post);
            } else if (state instanceof FileState.Parsed p && p.content() instanceof ParsedPage page) {
                parsedPages.add(page);
            }
        }
        Set<String> gone = new HashSet<>(posts.keySet());
        gone.removeAll(onDisk);
        Identities.Decision decision = Identities.decide(parsed, posts, gone);
        java.util.Map<String, ParsedPost> accepted = new java.util.HashMap<>();
        decision.accepted().forEach(p -> accepted.put(p.source().name(), p));
        states.replaceAll(state -> {
            ContentProblem conflict = decision.rejected().get(state.file());
            if (conflict == null) {
                // An accepted post may have been given a numbered slug, with its warning.
                return accepted.containsKey(state.file()) ? new FileState.Parsed(state.file(), accepted.get(state.file())) : state;
            }
            List<ContentProblem> all = new ArrayList<>(state.problems());
            all.add(conflict);
            return new FileState.Failed(state.file(), null, all); // no hash: the other file may change
        });
        List<String> removed = new ArrayList<>(gone.stream().sorted().toList());
        decision.accepted().stream().map(p -> p.source().name()).filter(posts::containsKey).forEach(removed::add);
        List<String> pagesGone = pages.stream().filter(f -> !onDisk.contains(f)).sorted().toList();
        return new IndexChange(removed, gone.stream().sorted().toList(), decision.accepted(), pagesGone, parsedPages, token,
                permalinks);
    }
}
