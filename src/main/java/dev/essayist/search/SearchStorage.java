package dev.essayist.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the folder of the Lucene index ({@link SearchConfig#folder()}) for writing, and makes
 * sure what it opens can be read, as {@code content/IndexStore} does for the H2 file:
 * <ul>
 *   <li>an index that cannot be opened or fails Lucene's checksums (bytes overwritten, a file
 *       missing or cut short, another Lucene's format) is deleted and made anew, with one WARN;
 *       its caller then rebuilds it from the rows;</li>
 *   <li>a folder locked by another running process: this process indexes into memory instead, with
 *       one WARN, and leaves the other process's folder alone.</li>
 * </ul>
 *
 * @param directory where the index lives
 * @param writer    its writer (commits only when told to)
 * @param where     the folder, or {@code (in memory)}, for log lines
 * @param wiped     whether an unreadable index was deleted, so the caller rebuilds it
 */
record SearchStorage(Directory directory, IndexWriter writer, String where, boolean wiped) {

    private static final Logger LOG = LoggerFactory.getLogger(SearchStorage.class);
    private static final String MEMORY = "(in memory)";

    /**
     * @param folder the index folder, or empty for an index in memory
     * @return the opened index, possibly new and empty
     * @throws UncheckedIOException if the folder cannot be created, cleared or written
     */
    static SearchStorage open(Optional<Path> folder) {
        if (folder.isEmpty()) {
            return inMemory(false);
        }
        Path path = folder.get();
        Directory directory = null;
        try {
            Files.createDirectories(path);
            directory = FSDirectory.open(path);
            IndexWriter writer = writer(directory, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            try {
                checkIntegrity(writer);
                return new SearchStorage(directory, writer, path.toString(), false);
            } catch (IOException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
        } catch (LockObtainFailedException e) {
            close(directory);
            LOG.warn("Search index {} is in use by another process ({}); indexing into memory instead", path, e.getMessage());
            return inMemory(true);
        } catch (IOException | RuntimeException e) {
            // A corrupt index throws what its bytes make of it: CorruptIndexException, EOFException,
            // NoSuchFileException, IndexFormatTooOldException, or an unchecked exception of a codec.
            close(directory);
            LOG.warn("Search index {} cannot be read ({}); deleting it and rebuilding it from the rows", path, e.toString());
            return anew(path);
        }
    }

    /** Reads every file of the last commit and checks it against its checksum (CRC-32). */
    private static void checkIntegrity(IndexWriter writer) throws IOException {
        if (!DirectoryReader.indexExists(writer.getDirectory())) {
            return;
        }
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                leaf.reader().checkIntegrity();
            }
        }
    }

    private static SearchStorage anew(Path path) {
        try {
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).filter(f -> !f.equals(path)).toList()) {
                    Files.delete(file);
                }
            }
            Directory directory = FSDirectory.open(path);
            return new SearchStorage(directory, writer(directory, IndexWriterConfig.OpenMode.CREATE), path.toString(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the search index folder " + path, e);
        }
    }

    private static SearchStorage inMemory(boolean wiped) {
        Directory directory = new ByteBuffersDirectory();
        try {
            return new SearchStorage(directory, writer(directory, IndexWriterConfig.OpenMode.CREATE), MEMORY, wiped);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a search index in memory", e);
        }
    }

    private static IndexWriter writer(Directory directory, IndexWriterConfig.OpenMode mode) throws IOException {
        return new IndexWriter(directory, new IndexWriterConfig(EssayAnalyzer.STEMMED)
                .setOpenMode(mode)
                .setCommitOnClose(false)
                .setRAMBufferSizeMB(48));
    }

    /** Rolls back what the writer holds (the index stays at its last commit) and closes the folder. */
    void close() {
        try {
            writer.rollback();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot roll back the search index {}: {}", where, e.toString());
        }
        close(directory);
    }

    private static void close(Directory directory) {
        try {
            if (directory != null) {
                directory.close();
            }
        } catch (IOException e) {
            LOG.warn("Cannot close the search index folder: {}", e.toString());
        }
    }
}
