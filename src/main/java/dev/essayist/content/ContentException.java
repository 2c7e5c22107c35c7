package dev.essayist.content;

/**
 * Thrown when a content file cannot be published; carries the located problem.
 */
public final class ContentException extends Exception {
    private final transient ContentProblem problem;

    ContentException(ContentProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    /** @return the problem, with file, line and message */
    public ContentProblem problem() {
        return problem;
    }
}
