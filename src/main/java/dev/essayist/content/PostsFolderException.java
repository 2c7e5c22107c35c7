package dev.essayist.content;

/**
 * The posts folder is missing, is not a folder, or cannot be listed. Without it there is no site,
 * so at start this ends the process with one clear line (see {@code Application.main}); while
 * running, a reindex that meets it changes nothing.
 */
public class PostsFolderException extends IllegalStateException {

    /**
     * @param message what is wrong and which setting names the folder
     * @param cause   the I/O error, or {@code null}
     */
    public PostsFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
